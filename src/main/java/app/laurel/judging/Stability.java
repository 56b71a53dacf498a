package app.laurel.judging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How firmly each selected entry holds its place: the panel is resampled with replacement (the same number of
 * judges, some drawn twice, some not at all) a thousand times, the ranking recomputed each time, and for every
 * entry the share of resamples in which it stays in the top N is counted. A fixed seed makes the figure
 * reproducible from the score sheet.
 */
public final class Stability {

    public static final int RESAMPLES = 1000;
    static final long SEED = 20210626L;

    private Stability() {
    }

    public static Map<Long, Double> topShare(List<EntryTotals> sheet, AggregationMethod method, int topN) {
        List<String> panel = sheet.stream().flatMap(r -> r.totals().stream()).map(JudgeTotal::judge).distinct().sorted().toList();
        Map<Long, Integer> inTop = new HashMap<>();
        sheet.forEach(r -> inTop.put(r.entryId(), 0));
        Random random = new Random(SEED);
        for (int sample = 0; sample < RESAMPLES; sample++) {
            List<String> drawn = new ArrayList<>();
            for (int i = 0; i < panel.size(); i++) {
                drawn.add(panel.get(random.nextInt(panel.size())));
            }
            Set<Long> top = top(resampled(sheet, drawn), method, topN);
            top.forEach(id -> inTop.merge(id, 1, Integer::sum));
        }
        return inTop.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() / (double) RESAMPLES));
    }

    /** The sheet as the drawn panel would have scored it: each drawn judge's totals, as often as drawn. */
    private static List<EntryTotals> resampled(List<EntryTotals> sheet, List<String> drawn) {
        List<EntryTotals> result = new ArrayList<>();
        for (EntryTotals row : sheet) {
            List<JudgeTotal> totals = new ArrayList<>();
            for (int i = 0; i < drawn.size(); i++) {
                String judge = drawn.get(i);
                int copy = i;
                row.totals().stream().filter(t -> t.judge().equals(judge))
                        .forEach(t -> totals.add(new JudgeTotal(judge + "#" + copy, t.totalHalfPoints(), t.primaryHalfPoints())));
            }
            result.add(new EntryTotals(row.entryId(), totals));
        }
        return result;
    }

    private static Set<Long> top(List<EntryTotals> sheet, AggregationMethod method, int topN) {
        Ranking ranking = Ranker.rank(sheet, method, topN);
        Set<Long> top = new HashSet<>();
        for (RankedEntry entry : ranking.order()) {
            if (entry.rank() <= topN) {
                top.add(entry.entryId());
            }
        }
        return top;
    }
}
