package app.laurel.judging;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the audit log says of a judge's save: only stored scores that changed, in the rubric's order, in points. */
class ScoreChangeTest {

    private static final List<String> RUBRIC = List.of("思想性", "真实性", "感染力", "表现力");

    @Test
    void firstScoresAreNoChange() {
        assertEquals(Optional.empty(), ScoreChange.between(Map.of(), Map.of("思想性", 50, "真实性", 48), RUBRIC));
    }

    @Test
    void anUnchangedSaveIsNoChange() {
        assertEquals(Optional.empty(), ScoreChange.between(Map.of("思想性", 50), Map.of("思想性", 50, "真实性", 40), RUBRIC));
    }

    @Test
    void changedAndClearedScoresInRubricOrderWithHalfPoints() {
        ScoreChange change = ScoreChange.between(Map.of("表现力", 30, "思想性", 50, "真实性", 40),
                Map.of("表现力", 28, "思想性", 55), RUBRIC).orElseThrow();
        assertEquals("思想性 25；真实性 20；表现力 15", change.before());
        assertEquals("思想性 27.5；真实性 —；表现力 14", change.after());
    }
}
