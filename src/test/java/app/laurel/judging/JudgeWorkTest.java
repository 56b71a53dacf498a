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
}
