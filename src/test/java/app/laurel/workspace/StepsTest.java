package app.laurel.workspace;

import app.laurel.workspace.Facts.NoticeFacts;
import app.laurel.workspace.Facts.RoundFacts;
import app.laurel.workspace.StepState.Progress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The workspace's prompt follows the contest's course, and each step's state says where it stands. */
class StepsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    private static final Instant START = NOW.minus(Duration.ofDays(30));
    private static final Instant END = NOW.minus(Duration.ofDays(1));

    @Test
    void anUnfinishedSetUpComesFirst() {
        Facts facts = new Facts(false, null, null, Map.of(), List.of(), null, 0, 0, 0, 0);
        assertEquals("workspace.next.setup", Steps.next(facts, NOW).key());
        assertEquals(Progress.TODO, Steps.states(facts, NOW).get(0).progress());
    }

    @Test
    void afterTheDeadlineEntriesWaitingAskForScreening() {
        Facts facts = facts(Map.of("SUBMITTED", 12L, "ACCEPTED", 30L), List.of(), null);
        NextStep next = Steps.next(facts, NOW);
        assertEquals(Step.SCREENING, next.step());
        assertEquals("workspace.next.screen", next.key());
        assertEquals(12L, next.arg());
        StepState screening = Steps.states(facts, NOW).get(1);
        assertEquals(Progress.ACTIVE, screening.progress());
        assertEquals(List.of(12L, 30L, 0L, 0L), screening.lines().get(0).args());
    }

    @Test
    void whileEntriesAreStillComingInTheWorkspaceSaysSo() {
        Facts facts = new Facts(true, START, NOW.plus(Duration.ofDays(3)), Map.of(), List.of(), null, 0, 0, 0, 0);
        assertEquals("workspace.next.collecting", Steps.next(facts, NOW).key());
    }

    @Test
    void acceptedEntriesWithoutARoundAskForOne() {
        assertEquals("workspace.next.createRound", Steps.next(facts(Map.of("ACCEPTED", 30L), List.of(), null), NOW).key());
    }

    @Test
    void anOpenRoundWithEveryCardInAsksToCloseItAndOneShortAsksToFollowIt() {
        RoundFacts closed = new RoundFacts(1, "初评", "CLOSED", 43, 43);
        NextStep close = Steps.next(facts(Map.of("ACCEPTED", 30L), List.of(closed, new RoundFacts(2, "终评", "OPEN", 43, 43)), null), NOW);
        assertEquals("workspace.next.closeRound", close.key());
        assertEquals(2L, close.roundId());
        NextStep follow = Steps.next(facts(Map.of("ACCEPTED", 30L), List.of(closed, new RoundFacts(2, "终评", "OPEN", 40, 43)), null), NOW);
        assertEquals("workspace.next.followRound", follow.key());
        StepState judging = Steps.states(facts(Map.of(), List.of(closed, new RoundFacts(2, "终评", "OPEN", 40, 43)), null), NOW).get(2);
        assertEquals(Progress.ACTIVE, judging.progress());
        assertEquals("workspace.judging.OPEN", judging.lines().get(1).key());
        assertEquals(List.of("终评", 40L, 43L), judging.lines().get(1).args());
    }

    @Test
    void afterClosingTheLastRoundTheNextStepIsTheNoticeEvenWithEntriesLeftWaiting() {
        NextStep next = Steps.next(facts(Map.of("SUBMITTED", 3L, "ACCEPTED", 30L),
                List.of(new RoundFacts(1, "初评", "CLOSED", 90, 90)), null), NOW);
        assertEquals(Step.NOTICE, next.step());
        assertEquals("workspace.next.draftNotice", next.key());
    }

    @Test
    void theNoticeLeadsToItsResultThenCertificatesPrizesAndTheColumn() {
        List<RoundFacts> closed = List.of(new RoundFacts(1, "初评", "CLOSED", 90, 90));
        Map<String, Long> won = Map.of("WINNER", 10L, "ACCEPTED", 20L);
        assertEquals("workspace.next.publishNotice", Steps.next(facts(won, closed, notice("DRAFT", 1)), NOW).key());
        assertEquals("workspace.next.objections", Steps.next(facts(won, closed, notice("PUBLISHED", 1)), NOW).key());
        assertEquals("workspace.next.finalise", Steps.next(facts(won, closed, notice("PUBLISHED", -1)), NOW).key());
        NoticeFacts finalised = notice("FINALISED", -1);
        assertEquals("workspace.next.certificates", Steps.next(facts(won, closed, finalised), NOW).key());
        assertEquals("workspace.next.prizes",
                Steps.next(new Facts(true, START, END, won, closed, finalised, 10, 10, 3, 0), NOW).key());
        assertEquals("workspace.next.column",
                Steps.next(new Facts(true, START, END, won, closed, finalised, 10, 10, 10, 0), NOW).key());
        Facts done = new Facts(true, START, END, won, closed, finalised, 10, 10, 10, 5);
        assertNull(Steps.next(done, NOW));
        assertEquals(List.of(Progress.DONE), Steps.states(done, NOW).stream().map(StepState::progress).distinct().toList());
    }

    private static Facts facts(Map<String, Long> entries, List<RoundFacts> rounds, NoticeFacts notice) {
        return new Facts(true, START, END, entries, rounds, notice, 0, 0, 0, 0);
    }

    private static NoticeFacts notice(String status, int daysLeft) {
        return new NoticeFacts(7, status, NOW.minus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(daysLeft)));
    }
}
