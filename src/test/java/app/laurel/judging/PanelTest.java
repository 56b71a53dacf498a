package app.laurel.judging;

import app.laurel.platform.error.LaurelException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PanelTest {

    private static final List<String> SEVEN = List.of("j1", "j2", "j3", "j4", "j5", "j6", "j7");

    @Test
    void balancedGivesEachEntryThreeJudgesAndSpreadsTheLoadWithinOne() {
        List<Long> entries = LongStream.rangeClosed(1, 40).boxed().toList();
        Set<PanelAssignment.Excluded> conflicts = new HashSet<>();
        for (long e = 1; e <= 5; e++) {
            conflicts.add(new PanelAssignment.Excluded(e, "j1")); // j1 works at the unit of entries 1-5
        }
        Map<Long, List<String>> assignment = PanelAssignment.balanced(entries, SEVEN, 3, conflicts);
        Map<String, Integer> load = new HashMap<>();
        assignment.forEach((entry, judges) -> {
            assertEquals(3, new HashSet<>(judges).size(), "three different judges on entry " + entry);
            judges.forEach(j -> load.merge(j, 1, Integer::sum));
            if (entry <= 5) {
                assertFalse(judges.contains("j1"), "a conflicted judge never gets the entry");
            }
        });
        int min = load.values().stream().mapToInt(i -> i).min().orElseThrow();
        int max = load.values().stream().mapToInt(i -> i).max().orElseThrow();
        assertEquals(120, load.values().stream().mapToInt(i -> i).sum());
        assertTrue(max - min <= 1, "loads " + load);
    }

    @Test
    void allModeSkipsConflictsAndTooSmallAPanelIsRefused() {
        Map<Long, List<String>> all = PanelAssignment.all(List.of(1L, 2L), List.of("a", "b"),
                Set.of(new PanelAssignment.Excluded(2L, "a")));
        assertEquals(List.of("a", "b"), all.get(1L));
        assertEquals(List.of("b"), all.get(2L));
        LaurelException refused = assertThrows(LaurelException.class, () -> PanelAssignment.balanced(List.of(1L),
                List.of("a", "b"), 2, Set.of(new PanelAssignment.Excluded(1L, "a"))));
        assertEquals("judging.assign.tooFewJudges", refused.messageKey());
    }

    @Test
    void disagreementIsASpreadAboveTheShareOfTheRubricMaximum() {
        List<EntryTotals> sheet = List.of(sheetRow(1, 70, 91), sheetRow(2, 70, 90));
        assertEquals(List.of(1L), PanelStatistics.disagreements(sheet, 100, 20), "21 points > 20% of 100; 20 is not");
    }

    @Test
    void judgeFiguresShowMeanSpreadAndLeniencyAgainstThePanel() {
        List<EntryTotals> sheet = List.of(sheetRow(1, 80, 70), sheetRow(2, 90, 70));
        PanelStatistics.JudgeFigures j1 = PanelStatistics.judges(sheet).get(0);
        assertEquals("j1", j1.judge());
        assertEquals(0, new BigDecimal("85").compareTo(j1.mean()));
        assertEquals(0, new BigDecimal("5").compareTo(j1.sd()));
        assertEquals(0, new BigDecimal("7.5").compareTo(j1.leniency()), "5 above on entry 1, 10 above on entry 2");
    }

    @Test
    void kendallsWIsOneForOneOrderAndZeroForOppositeOrders() {
        List<EntryTotals> agree = List.of(sheetRow(1, 90, 95, 80), sheetRow(2, 80, 85, 70), sheetRow(3, 70, 75, 60));
        assertEquals(1.0, PanelStatistics.kendallsW(agree, List.of("j1", "j2", "j3")), 1e-12);
        List<EntryTotals> opposite = List.of(sheetRow(1, 90, 70), sheetRow(2, 80, 80), sheetRow(3, 70, 90));
        assertEquals(0.0, PanelStatistics.kendallsW(opposite, List.of("j1", "j2")), 1e-12);
    }

    @Test
    void aClearWinnerAlwaysStaysInTheTopAndTheFigureIsReproducible() {
        List<EntryTotals> sheet = List.of(sheetRow(1, 95, 94, 96, 93, 95), sheetRow(2, 80, 70, 85, 60, 90),
                sheetRow(3, 78, 72, 84, 65, 88), sheetRow(4, 50, 55, 52, 51, 53));
        Map<Long, Double> share = Stability.topShare(sheet, AggregationMethod.TRIMMED_MEAN, 2);
        assertEquals(1.0, share.get(1L), 1e-12);
        assertEquals(0.0, share.get(4L), 1e-12);
        assertTrue(share.get(2L) > 0.5 && share.get(2L) < 1.0, "entry 2 mostly holds second place: " + share.get(2L));
        assertEquals(share, Stability.topShare(sheet, AggregationMethod.TRIMMED_MEAN, 2), "same seed, same figures");
    }

    private static EntryTotals sheetRow(long id, int... totals) {
        List<JudgeTotal> list = new java.util.ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            list.add(new JudgeTotal("j" + (i + 1), totals[i] * 2, totals[i] / 2));
        }
        return new EntryTotals(id, list);
    }
}
