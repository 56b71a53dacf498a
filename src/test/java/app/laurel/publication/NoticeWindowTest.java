package app.laurel.publication;

import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notice period by the clock: objections from the first millisecond of the period to the last one before it
 * ends, never outside; publishing after the end and finalising before it are refused.
 */
class NoticeWindowTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    // 公示期 2021-06-18 09:00 to 2021-06-25 18:00, Beijing time.
    private static final Instant STARTS = Instant.parse("2021-06-18T01:00:00Z");
    private static final Instant ENDS = Instant.parse("2021-06-25T10:00:00Z");

    private static Notice notice() {
        return new Notice(null, null, "abcd2345",
                new NoticeText("关于评选结果的公示", "正文", ListOrder.RANK, STARTS, ENDS, "县禁毒办 0734-1234567"));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, BEIJING);
    }

    @Test
    void objectionsAreTakenExactlyWithinThePeriod() {
        Notice notice = notice();
        notice.publish(at(STARTS.minus(Duration.ofDays(1))).instant());
        assertFalse(notice.isOpenForObjections(at(STARTS.minusMillis(1)).instant()), "a millisecond early");
        assertTrue(notice.isOpenForObjections(at(STARTS).instant()), "from the first millisecond");
        assertTrue(notice.isOpenForObjections(at(ENDS.minusMillis(1)).instant()), "to the last one");
        assertFalse(notice.isOpenForObjections(at(ENDS).instant()), "not at the end itself");
        LaurelException early = assertThrows(LaurelException.class, () -> notice.requireOpenForObjections(STARTS.minusSeconds(1)));
        assertEquals("objection.notYet", early.messageKey());
        LaurelException late = assertThrows(LaurelException.class, () -> notice.requireOpenForObjections(ENDS));
        assertEquals("objection.closed", late.messageKey());
    }

    @Test
    void aDraftTakesNoObjectionsAndCannotBePublishedOnceItsPeriodIsOver() {
        Notice draft = notice();
        assertFalse(draft.isOpenForObjections(STARTS.plusSeconds(60)), "not yet published");
        assertThrows(InvalidInputException.class, () -> draft.publish(ENDS));
        assertEquals(NoticeStatus.DRAFT, draft.getStatus());
    }

    @Test
    void theResultIsFinalOnlyOnceThePeriodIsOver() {
        Notice notice = notice();
        notice.publish(STARTS);
        LaurelException early = assertThrows(LaurelException.class, () -> notice.finalise("结果", ENDS.minusMillis(1)));
        assertEquals("notice.periodNotOver", early.messageKey());
        assertEquals(NoticeStatus.PUBLISHED, notice.getStatus());
        notice.finalise("结果", ENDS);
        assertEquals(NoticeStatus.FINALISED, notice.getStatus());
        assertFalse(notice.isOpenForObjections(ENDS.minusSeconds(1)), "a final notice takes no objections");
        assertThrows(LaurelException.class, () -> notice.edit(new NoticeText("改", "改", ListOrder.TITLE, STARTS, ENDS, "x")));
    }

    @Test
    void aPeriodMustEndAfterItStarts() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new Notice(null, null, "abcd2345",
                new NoticeText("标题", "正文", ListOrder.RANK, ENDS, STARTS, "联系人")));
        assertEquals("endsAt", refused.errors().get(0).field());
    }
}
