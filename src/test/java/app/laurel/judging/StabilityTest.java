package app.laurel.judging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fast stability figure against the plain definition: the same resamples re-ranked exactly by {@link Ranker}
 * give the same shares, for every method, with ties, a judge who did not score everything and a flat judge.
 */
class StabilityTest {

    @Test
    void theFastFigureEqualsExactReRankingOfTheSameResamples() {
        Random random = new Random(7);
        List<EntryTotals> sheet = new ArrayList<>();
        for (long e = 1; e <= 25; e++) {
            List<JudgeTotal> totals = new ArrayList<>();
            for (int j = 0; j < 6; j++) {
                if (j == 5 && e % 3 == 0) {
                    continue; // judge 5 skipped some entries
                }
                int half = j == 4 ? 140 : 100 + 2 * random.nextInt(40); // judge 4 gives everyone 70; ties are common
                totals.add(new JudgeTotal("j" + j, half, half / 4));
            }
            sheet.add(new EntryTotals(e, totals));
        }
        for (AggregationMethod method : AggregationMethod.values()) {
            assertEquals(reference(sheet, method, 8), Stability.topShare(sheet, method, 8), method.name());
        }
    }

    /**
     * A sparse panel large enough that most entries cannot reach the top and are left out of each resample's ranking
     * (three of forty judges an entry, so an entry now and then has none of its judges drawn): still the definition.
     */
    @Test
    void leavingOutEntriesThatCannotReachTheTopChangesNothing() {
        Random random = new Random(11);
        List<EntryTotals> sheet = new ArrayList<>();
        for (long e = 1; e <= 150; e++) {
            int quality = 90 + random.nextInt(60);
            List<JudgeTotal> totals = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                int half = 2 * Math.max(0, quality + random.nextInt(21) - 10);
                totals.add(new JudgeTotal("j" + ((e * 7 + k * 13) % 40), half, half / 4));
            }
            sheet.add(new EntryTotals(e, totals));
        }
        for (AggregationMethod method : AggregationMethod.values()) {
            Map<Long, Double> shares = Stability.topShare(sheet, method, 5);
            assertEquals(reference(sheet, method, 5), shares, method.name());
            assertEquals(0.0, shares.values().stream().sorted().findFirst().orElseThrow(), "most entries never reach the top");
        }
    }

    /** The definition, slowly: the panel drawn with the same seed, each resample ranked exactly. */
    private static Map<Long, Double> reference(List<EntryTotals> sheet, AggregationMethod method, int topN) {
        List<String> panel = sheet.stream().flatMap(r -> r.totals().stream()).map(JudgeTotal::judge).distinct().sorted().toList();
        Map<Long, Integer> inTop = new HashMap<>();
        sheet.forEach(r -> inTop.put(r.entryId(), 0));
        Random random = new Random(Stability.SEED);
        for (int sample = 0; sample < Stability.RESAMPLES; sample++) {
            List<String> drawn = new ArrayList<>();
            for (int i = 0; i < panel.size(); i++) {
                drawn.add(panel.get(random.nextInt(panel.size())));
            }
            List<EntryTotals> resampled = new ArrayList<>();
            for (EntryTotals row : sheet) {
                List<JudgeTotal> totals = new ArrayList<>();
                for (int i = 0; i < drawn.size(); i++) {
                    String judge = drawn.get(i);
                    int copy = i;
                    row.totals().stream().filter(t -> t.judge().equals(judge))
                            .forEach(t -> totals.add(new JudgeTotal(judge + "#" + copy, t.totalHalfPoints(), t.primaryHalfPoints())));
                }
                resampled.add(new EntryTotals(row.entryId(), totals));
            }
            Set<Long> top = new HashSet<>();
            Ranker.rank(resampled, method, topN).order().stream().filter(e -> e.rank() <= topN).forEach(e -> top.add(e.entryId()));
            top.forEach(id -> inTop.merge(id, 1, Integer::sum));
        }
        Map<Long, Double> share = new HashMap<>();
        inTop.forEach((id, count) -> share.put(id, count / (double) Stability.RESAMPLES));
        return share;
    }
}
