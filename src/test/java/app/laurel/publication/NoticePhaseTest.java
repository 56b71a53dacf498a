package app.laurel.publication;

import org.junit.jupiter.api.Test;

import app.laurel.platform.i18n.Messages;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One status of a notice, by the clock: 即将公示 before its period, 公示中 while objections are taken (and only then),
 * 公示期已结束 once it is over, 结果已公布 once finalised; the preview says what publishing now would show. Each has one
 * word in each language, and an entry struck off is "disqualified", not "withdrawn".
 */
class NoticePhaseTest {

    private static final Instant STARTS = Instant.parse("2021-06-18T01:00:00Z");
    private static final Instant ENDS = Instant.parse("2021-06-25T10:00:00Z");

    private static Notice notice() {
        return new Notice(null, null, "abcd2345",
                new NoticeText("关于评选结果的公示", "正文", ListOrder.RANK, STARTS, ENDS, "县禁毒办"));
    }

    @Test
    void thePhaseFollowsTheClockAndObjectionsAreTakenOnlyWhileTheNoticeSaysSo() {
        Notice notice = notice();
        assertEquals(NoticePhase.DRAFT, notice.phaseAt(STARTS));
        assertEquals(NoticePhase.UPCOMING, notice.phaseIfPublishedAt(STARTS.minusSeconds(3600)), "what the preview shows");
        assertEquals(NoticePhase.OPEN, notice.phaseIfPublishedAt(STARTS.plusSeconds(3600)), "published late, open at once");
        notice.publish(STARTS.minusSeconds(3600));
        assertEquals(NoticePhase.UPCOMING, notice.phaseAt(STARTS.minusMillis(1)));
        assertEquals(NoticePhase.OPEN, notice.phaseAt(STARTS));
        assertEquals(NoticePhase.OPEN, notice.phaseAt(ENDS.minusMillis(1)));
        assertEquals(NoticePhase.CLOSED, notice.phaseAt(ENDS));
        for (Instant at : new Instant[]{STARTS.minusMillis(1), STARTS, ENDS.minusMillis(1), ENDS}) {
            assertEquals(notice.phaseAt(at) == NoticePhase.OPEN, notice.isOpenForObjections(at), "one rule for both at " + at);
        }
        notice.finalise("结果", ENDS);
        assertEquals(NoticePhase.FINALISED, notice.phaseAt(ENDS.plusSeconds(86400)));
        assertFalse(NoticePhase.FINALISED.takesObjections());
        assertTrue(NoticePhase.OPEN.takesObjections());
    }

    @Test
    void eachPhaseHasOneWordInEachLanguage() {
        assertEquals("公示中", Messages.text(Messages.CHINESE, "noticePhase.OPEN"));
        assertEquals("公示期已结束", Messages.text(Messages.CHINESE, "noticePhase.CLOSED"));
        assertEquals("结果已公布", Messages.text(Messages.CHINESE, "noticePhase.FINALISED"));
        Set<String> chinese = new HashSet<>();
        Set<String> english = new HashSet<>();
        for (NoticePhase phase : NoticePhase.values()) {
            assertTrue(chinese.add(Messages.text(Messages.CHINESE, "noticePhase." + phase)), "one Chinese word for " + phase);
            assertTrue(english.add(Messages.text(Locale.ENGLISH, "noticePhase." + phase)), "one English word for " + phase);
        }
        assertEquals("Disqualified", Messages.text(Locale.ENGLISH, "notice.disqualified"));
        assertEquals("已取消资格", Messages.text(Messages.CHINESE, "notice.disqualified"));
    }
}
