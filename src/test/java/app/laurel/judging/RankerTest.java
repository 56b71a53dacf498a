package app.laurel.judging;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each method against tables worked out by hand. Totals are written in points and stored as half points. */
class RankerTest {

    private static EntryTotals entry(long id, double... totals) {
        List<JudgeTotal> list = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            int half = (int) Math.round(totals[i] * 2);
            list.add(new JudgeTotal("j" + (i + 1), half, half / 4));
        }
        return new EntryTotals(id, list);
    }

    private static void assertValue(String expected, RankedEntry entry) {
        assertEquals(0, new BigDecimal(expected).compareTo(entry.value()), "value was " + entry.value());
    }

    @Test
    void meanAndMedian() {
        List<EntryTotals> sheet = List.of(entry(1, 80, 90, 85), entry(2, 70, 95, 80), entry(3, 70, 80, 90, 100));
        Ranking mean = Ranker.rank(sheet, AggregationMethod.MEAN, 10);
        assertValue("85", find(mean, 1));
        assertValue("81.66666666666666666666666666666667", find(mean, 2));
        assertValue("85", find(mean, 3));
        Ranking median = Ranker.rank(sheet, AggregationMethod.MEDIAN, 10);
        assertValue("85", find(median, 1));
        assertValue("80", find(median, 2));
        assertValue("85", find(median, 3), "median of four: the mean of the middle two");
    }

    @Test
    void trimmedMeanDropsOneHighestAndOneLowestOnlyFromFiveTotals() {
        Ranking ranking = Ranker.rank(List.of(
                entry(1, 70, 80, 85, 90, 99),        // drop 70 and 99: (80+85+90)/3 = 85
                entry(2, 70, 80, 90, 99),             // four totals: plain mean 84.75 (trimmed would give 85)
                entry(3, 60, 88.5, 88.5, 88.5, 95)),  // drop one 60, one 95: 88.5
                AggregationMethod.TRIMMED_MEAN, 10);
        assertValue("85", find(ranking, 1));
        assertValue("84.75", find(ranking, 2));
        assertValue("88.5", find(ranking, 3));
        assertEquals(List.of(3L, 1L, 2L), ranking.order().stream().map(RankedEntry::entryId).toList());
    }

    @Test
    void zScoresUseEachJudgesOwnMeanAndSpreadAndAFlatJudgeCountsZero() {
        // Judge j1 gives 80 and 90 (mean 85, SD 5): z = -1 and +1. Judge j2 gives 70 to both (SD 0): z = 0.
        Ranking ranking = Ranker.rank(List.of(entry(1, 80, 70), entry(2, 90, 70)), AggregationMethod.ZSCORE, 1);
        assertValue("0.5", find(ranking, 2));
        assertValue("-0.5", find(ranking, 1));
        // Rescaled: all totals 80, 90, 70, 70 have mean 77.5 and population SD √68.75 = 8.29156…
        BigDecimal rescaled = Ranker.rescaled(find(ranking, 2).value(), List.of(entry(1, 80, 70), entry(2, 90, 70)));
        assertEquals("81.65", rescaled.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void tiesAreBrokenByPlainMeanThenPrimaryThenHighestAndOtherwiseShared() {
        List<JudgeTotal> a = List.of(new JudgeTotal("j1", 160, 50), new JudgeTotal("j2", 180, 60), new JudgeTotal("j3", 170, 55));
        List<JudgeTotal> b = List.of(new JudgeTotal("j1", 170, 60), new JudgeTotal("j2", 170, 60), new JudgeTotal("j3", 170, 60));
        List<JudgeTotal> c = List.of(new JudgeTotal("j1", 170, 60), new JudgeTotal("j2", 170, 60), new JudgeTotal("j3", 170, 60));
        // All three have the median 85 and the mean 85; b and c beat a on the primary criterion; b and c are equal.
        Ranking ranking = Ranker.rank(List.of(new EntryTotals(1, a), new EntryTotals(2, b), new EntryTotals(3, c)),
                AggregationMethod.MEDIAN, 3);
        assertEquals(List.of(2L, 3L, 1L), ranking.order().stream().map(RankedEntry::entryId).toList());
        assertEquals(List.of(1, 1, 3), ranking.order().stream().map(RankedEntry::rank).toList());
        assertFalse(ranking.hasTieAtCut());
    }

    @Test
    void thePlainMeanBreaksATieOnTheMedianAndTheHighestTotalBreaksOneOnEverythingElse() {
        // Median 85 for both; plain means 86.67 and 85: the first wins on the first tie-breaker.
        Ranking byMean = Ranker.rank(List.of(totals(1, 55, 80, 85, 95), totals(2, 55, 84, 85, 86)), AggregationMethod.MEDIAN, 1);
        assertEquals(List.of(1L, 2L), byMean.order().stream().map(RankedEntry::entryId).toList());
        assertEquals(List.of(1, 2), byMean.order().stream().map(RankedEntry::rank).toList());
        // Equal median, mean (85) and primary mean; the highest single total (90 against 87.5) decides.
        Ranking byHighest = Ranker.rank(List.of(totals(1, 55, 82.5, 85, 87.5), totals(2, 55, 80, 85, 90)), AggregationMethod.MEDIAN, 1);
        assertEquals(List.of(2L, 1L), byHighest.order().stream().map(RankedEntry::entryId).toList());
        assertFalse(byHighest.hasTieAtCut());
    }

    /** Totals in points, every judge with the same score on the primary criterion. */
    private static EntryTotals totals(long id, double primary, double... points) {
        List<JudgeTotal> list = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            list.add(new JudgeTotal("j" + (i + 1), (int) Math.round(points[i] * 2), (int) Math.round(primary * 2)));
        }
        return new EntryTotals(id, list);
    }

    @Test
    void aSharedRankAcrossTheCutMustBeResolvedBeforeSelecting() {
        List<EntryTotals> sheet = List.of(entry(1, 90, 90), entry(2, 80, 80), entry(3, 80, 80), entry(4, 70, 70));
        Ranking topTwo = Ranker.rank(sheet, AggregationMethod.MEAN, 2);
        assertTrue(topTwo.hasTieAtCut(), "places 2 and 3 are equal and only 2 are selected");
        assertEquals(List.of(2L, 3L), topTwo.tiedAtCut().stream().map(RankedEntry::entryId).toList());
        assertThrows(IllegalStateException.class, topTwo::selected);

        Ranking topThree = Ranker.rank(sheet, AggregationMethod.MEAN, 3);
        assertFalse(topThree.hasTieAtCut(), "both tied entries are inside the cut");
        assertEquals(List.of(1L, 2L, 3L), topThree.selected().stream().map(RankedEntry::entryId).toList());
    }

    @Test
    void displayRoundsHalfUpToTwoDecimalsOnly() {
        RankedEntry entry = Ranker.rank(List.of(entry(1, 80, 85, 85.5)), AggregationMethod.MEAN, 1).order().get(0);
        assertEquals("83.50", entry.displayValue().toPlainString());
        RankedEntry third = Ranker.rank(List.of(entry(1, 80, 80, 81)), AggregationMethod.MEAN, 1).order().get(0);
        assertEquals("80.33", third.displayValue().toPlainString());
    }

    private static RankedEntry find(Ranking ranking, long id) {
        return ranking.order().stream().filter(e -> e.entryId() == id).findFirst().orElseThrow();
    }

    private static void assertValue(String expected, RankedEntry entry, String message) {
        assertEquals(0, new BigDecimal(expected).compareTo(entry.value()), message + "; value was " + entry.value());
    }
}
