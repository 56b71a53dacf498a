package app.laurel.submission;

import app.laurel.contest.Contest;
import app.laurel.contest.EntryRule;
import app.laurel.contest.PhaseKind;
import app.laurel.contest.Quota;
import app.laurel.identity.Unit;
import app.laurel.identity.UnitType;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotaAndDeadlineTest {

    /** 2021-06-10 18:00 Asia/Shanghai: the seed's 摸底推选 deadline. */
    private static final Instant DEADLINE = Instant.parse("2021-06-10T10:00:00Z");

    @Test
    void seedQuotasTownshipsOneAndPoliticalLegalAtLeastTwo() {
        assertEquals(new Quota(1, 1), Quota.defaultFor(UnitType.TOWNSHIP));
        assertEquals(new Quota(1, 1), Quota.defaultFor(UnitType.MEMBER));
        Quota police = Quota.defaultFor(UnitType.POLITICAL_LEGAL);
        assertEquals(2, police.min());
        assertFalse(police.isMetBy(1), "公安局 1/2 needs at least 2");
        assertTrue(police.isMetBy(2));
        assertTrue(new Quota(1, 1).isReachedBy(1));
    }

    @Test
    void anExtendedUnitMaySubmitAfterTheDeadlineOthersMayNot() {
        Contest contest = new Contest("HY2021", "t", null, null, Instant.EPOCH);
        contest.schedule(PhaseKind.SUBMISSION, DEADLINE.minusSeconds(86400 * 10), DEADLINE);
        Unit late = new Unit("井头镇", UnitType.TOWNSHIP, false, Instant.EPOCH);
        Unit onTime = new Unit("西渡镇", UnitType.TOWNSHIP, false, Instant.EPOCH);
        contest.enrol(late, Quota.defaultFor(UnitType.TOWNSHIP)).extendDeadline(DEADLINE.plusSeconds(86400));
        contest.enrol(onTime, Quota.defaultFor(UnitType.TOWNSHIP));

        Instant afterDeadline = DEADLINE.plusSeconds(3600);
        assertTrue(contest.isOpenForSubmissions(late, afterDeadline));
        assertFalse(contest.isOpenForSubmissions(onTime, afterDeadline));
        assertFalse(contest.isOpenForSubmissions(null, afterDeadline), "citizens have no extension");
        assertTrue(contest.isOpenForSubmissions(null, DEADLINE.minusMillis(1)));
        assertEquals(DEADLINE.plusSeconds(86400), contest.submissionDeadline(late).orElseThrow());
    }

    @Test
    void unitsReportUntilTheEndOfPreSelectionCitizensUntilTheEndOfCollection() {
        Contest contest = new Contest("HY2021", "t", null, null, Instant.EPOCH);
        Instant collectionEnd = Instant.parse("2021-06-07T10:00:00Z");
        contest.schedule(PhaseKind.SUBMISSION, Instant.parse("2021-05-29T16:00:00Z"), collectionEnd);
        contest.schedule(PhaseKind.UNIT_SELECTION, collectionEnd, DEADLINE);
        Unit township = new Unit("西渡镇", UnitType.TOWNSHIP, false, Instant.EPOCH);
        contest.enrol(township, Quota.defaultFor(UnitType.TOWNSHIP));
        Instant between = collectionEnd.plusSeconds(3600);
        assertFalse(contest.isOpenForSubmissions(null, between));
        assertTrue(contest.isOpenForSubmissions(township, between));
        assertFalse(contest.isOpenForSubmissions(township, DEADLINE));
    }

    @Test
    void videoDurationWindowOfTheThirtyMinuteLesson() {
        Contest contest = new Contest("HYKT", "一堂禁毒课", null, null, Instant.EPOCH);
        contest.configureVideos(EntryRule.DEFAULT_MAX_VIDEO_BYTES, 25 * 60, 35 * 60);
        EntryRule rule = contest.rule(app.laurel.contest.EntryType.VIDEO).orElseThrow();
        assertTrue(rule.acceptsDuration(30 * 60_000L));
        assertTrue(rule.acceptsDuration(25 * 60_000L));
        assertFalse(rule.acceptsDuration(5_000L));
        assertFalse(rule.acceptsDuration(35 * 60_000L + 1));
        assertEquals(1, SubmissionChecks.checkVideoFile(1000, 5_000L, rule).size());
        assertEquals("entry.video.durationUnknown", SubmissionChecks.checkVideoFile(1000, null, rule).get(0).messageKey());
        assertTrue(SubmissionChecks.checkVideoFile(1000, 30 * 60_000L, rule).isEmpty());
    }
}
