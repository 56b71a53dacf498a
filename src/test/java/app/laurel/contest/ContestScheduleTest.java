package app.laurel.contest;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContestScheduleTest {

    /** 2021-06-10 18:00 in Asia/Shanghai, the seed's pre-selection deadline. */
    private static final Instant DEADLINE = Instant.parse("2021-06-10T10:00:00Z");

    @Test
    void submissionsAreOpenFromTheStartUntilJustBeforeTheDeadline() {
        Contest contest = new Contest("HY", "讲述身边的禁毒故事", null, null, Instant.EPOCH);
        contest.schedule(PhaseKind.SUBMISSION, Instant.parse("2021-05-29T16:00:00Z"), DEADLINE);
        assertFalse(contest.isAcceptingEntriesAt(Instant.parse("2021-05-29T15:59:59Z")));
        assertTrue(contest.isAcceptingEntriesAt(Instant.parse("2021-05-29T16:00:00Z")));
        assertTrue(contest.isAcceptingEntriesAt(DEADLINE.minusMillis(1)));
        assertFalse(contest.isAcceptingEntriesAt(DEADLINE), "18:00:00 is already too late");
        assertEquals(PhaseStatus.CLOSED, contest.phase(PhaseKind.SUBMISSION).orElseThrow().statusAt(DEADLINE));
    }

    @Test
    void reschedulingReplacesThePhaseAndPhasesKeepTheirOrder() {
        Contest contest = new Contest("HY", "t", null, null, Instant.EPOCH);
        contest.schedule(PhaseKind.JUDGING, DEADLINE, DEADLINE.plusSeconds(3600));
        contest.schedule(PhaseKind.SUBMISSION, DEADLINE.minusSeconds(7200), DEADLINE);
        contest.schedule(PhaseKind.SUBMISSION, DEADLINE.minusSeconds(3600), DEADLINE);
        assertEquals(2, contest.getPhases().size());
        assertEquals(PhaseKind.SUBMISSION, contest.getPhases().get(0).getKind());
        assertEquals(DEADLINE.minusSeconds(3600), contest.getPhases().get(0).getStartsAt());
        assertThrows(IllegalArgumentException.class, () -> contest.schedule(PhaseKind.NOTICE, DEADLINE, DEADLINE));
    }

    @Test
    void categoriesAreKeptOnceInOrder() {
        Contest contest = new Contest("HY", "t", null, null, Instant.EPOCH);
        contest.addCategory("缉毒执法案例");
        contest.addCategory("社区戒毒康复");
        contest.addCategory("缉毒执法案例");
        assertEquals(2, contest.getCategories().size());
        assertEquals("社区戒毒康复", contest.getCategories().get(1).getName());
    }
}
