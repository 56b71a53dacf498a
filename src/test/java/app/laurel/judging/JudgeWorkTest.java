package app.laurel.judging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JudgeWorkTest {

    private static JudgeWork.Item item(long id, String code, String status, String contest, long round) {
        return new JudgeWork.Item(id, code, "标题" + id, "禁毒志愿者", status, contest, "活动" + contest, round, "初评");
    }

    private static final List<JudgeWork.Item> ITEMS = List.of(item(1, "R1-001", "SUBMITTED", "A", 10),
            item(2, "R1-002", "DRAFT", "A", 10), item(3, "R1-003", "DRAFT", "A", 10), item(4, "R1-001", "DRAFT", "B", 20));

    @Test
    void theSameCodeInTwoContestsLandsInTwoRoundsEachWithItsProgress() {
        JudgeWork work = JudgeWork.of(ITEMS, false);
        assertEquals(List.of(10L, 20L), work.rounds().stream().map(JudgeWork.RoundWork::roundId).toList());
        assertEquals(List.of("1/3", "0/1"), work.rounds().stream().map(r -> r.submitted() + "/" + r.total()).toList());
        assertEquals("1/4", work.submitted() + "/" + work.total());
    }

    @Test
    void onlyUnsubmittedHidesTheSubmittedButKeepsEachRoundsProgressWhole() {
        JudgeWork work = JudgeWork.of(ITEMS, true);
        assertEquals(List.of(2L, 3L), work.rounds().get(0).shown().stream().map(JudgeWork.Item::scorecardId).toList());
        assertEquals(3, work.rounds().get(0).total());
        assertEquals(1, work.rounds().get(0).submitted());
    }

    @Test
    void aPageShowsItsOwnRoundsWithTheProgressOfAllTheirScorecards() {
        List<JudgeWork.RoundCount> counts = List.of(new JudgeWork.RoundCount("A", "活动A", 10, "初评", 40, 120),
                new JudgeWork.RoundCount("B", "活动B", 20, "初评", 5, 5), new JudgeWork.RoundCount("C", "活动C", 30, "复评", 0, 60));
        JudgeWork second = JudgeWork.page(List.of(item(7, "R1-051", "DRAFT", "A", 10)), counts, false, 2, 4);
        assertEquals(List.of(10L), second.rounds().stream().map(JudgeWork.RoundWork::roundId).toList());
        assertEquals("40/120", second.rounds().get(0).submitted() + "/" + second.rounds().get(0).total());
        assertEquals("45/185", second.submitted() + "/" + second.total());
        assertEquals(true, second.hasPrevious() && second.hasNext());
        // The first page of what is left to score also names the round that is done, as done.
        JudgeWork todo = JudgeWork.page(List.of(item(8, "R1-002", "DRAFT", "A", 10)), counts, true, 1, 3);
        assertEquals(List.of(10L, 20L), todo.rounds().stream().map(JudgeWork.RoundWork::roundId).toList());
        assertEquals(List.of(), todo.rounds().get(1).shown());
    }
}
