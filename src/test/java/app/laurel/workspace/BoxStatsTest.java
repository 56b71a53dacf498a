package app.laurel.workspace;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A judge's box: the five numbers Excel's QUARTILE.INC gives, so an organiser checking by hand gets the same. */
class BoxStatsTest {

    @Test
    void quartilesInterpolateBetweenTheSortedTotals() {
        // =QUARTILE.INC({60,70,75,80,95},1) is 70, ,2 is 75, ,3 is 80
        BoxStats box = BoxStats.of(List.of(60.0, 70.0, 75.0, 80.0, 95.0));
        assertEquals(new BoxStats(5, 60, 70, 75, 80, 95, 76), box);
        // =QUARTILE.INC({81,84.5,90,92},1) is 83.625, ,3 is 90.5
        BoxStats even = BoxStats.of(List.of(81.0, 84.5, 90.0, 92.0));
        assertEquals(83.63, even.q1());
        assertEquals(87.25, even.median());
        assertEquals(90.5, even.q3());
        assertEquals(86.88, even.mean());
    }

    @Test
    void oneScoreIsAFlatBoxAndNoneIsNoBox() {
        assertEquals(new BoxStats(1, 88.5, 88.5, 88.5, 88.5, 88.5, 88.5), BoxStats.of(List.of(88.5)));
        assertThrows(IllegalArgumentException.class, () -> BoxStats.of(List.of()));
    }

    @Test
    void aLenientJudgesBoxSitsAboveAHarshOnes() {
        BoxStats lenient = BoxStats.of(List.of(85.0, 88.0, 90.0, 93.0));
        BoxStats harsh = BoxStats.of(List.of(55.0, 60.0, 62.0, 70.0));
        assertEquals(true, lenient.q1() > harsh.q3());
    }
}
