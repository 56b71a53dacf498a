package app.laurel.judging;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a ranking from a round's score sheet by the round's declared method. Pure and deterministic: the same
 * sheet always gives the same ranking, which is what lets a published result be checked by anyone.
 */
public final class Ranker {

    /** 34 significant digits: exact for sums and means of half points in practice, and reproducible for z-scores. */
    static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private static final Comparator<RankedEntry> ORDER = Comparator.comparing(RankedEntry::value)
            .thenComparing(RankedEntry::plainMean)
            .thenComparing(RankedEntry::primaryMean)
            .thenComparing(RankedEntry::highest)
            .reversed();

    private Ranker() {
    }

    public static Ranking rank(List<EntryTotals> sheet, AggregationMethod method, int selectCount) {
        Map<String, BigDecimal[]> judgeStats = method == AggregationMethod.ZSCORE ? judgeStats(sheet) : Map.of();
        List<RankedEntry> entries = new ArrayList<>();
        for (EntryTotals row : sheet) {
            if (row.totals().isEmpty()) {
                continue;
            }
            List<BigDecimal> points = row.totals().stream().map(t -> points(t.totalHalfPoints())).sorted().toList();
            BigDecimal value = switch (method) {
                case MEAN -> mean(points);
                case TRIMMED_MEAN -> points.size() >= 5 ? mean(points.subList(1, points.size() - 1)) : mean(points);
                case MEDIAN -> median(points);
                case ZSCORE -> mean(row.totals().stream().map(t -> z(t, judgeStats.get(t.judge()))).toList());
            };
            entries.add(new RankedEntry(row.entryId(), value, mean(points),
                    mean(row.totals().stream().map(t -> points(t.primaryHalfPoints())).toList()),
                    points.get(points.size() - 1), points.size(), 0));
        }
        entries.sort(ORDER.thenComparing(RankedEntry::entryId));
        List<RankedEntry> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RankedEntry entry = entries.get(i);
            boolean sharesWithPrevious = i > 0 && ORDER.compare(entries.get(i - 1), entry) == 0;
            ranked.add(entry.withRank(sharesWithPrevious ? ranked.get(i - 1).rank() : i + 1));
        }
        return new Ranking(method, selectCount, ranked, tiedAtCut(ranked, selectCount));
    }

    /** The entries of a shared rank that has members both inside and outside the selected places. */
    private static List<RankedEntry> tiedAtCut(List<RankedEntry> ranked, int selectCount) {
        if (selectCount <= 0 || ranked.size() <= selectCount) {
            return List.of();
        }
        int rankAtCut = ranked.get(selectCount - 1).rank();
        if (ranked.get(selectCount).rank() != rankAtCut) {
            return List.of();
        }
        return ranked.stream().filter(e -> e.rank() == rankAtCut).toList();
    }

    /** Per judge over the whole round: mean and population standard deviation of their totals, in points. */
    private static Map<String, BigDecimal[]> judgeStats(List<EntryTotals> sheet) {
        Map<String, List<BigDecimal>> byJudge = new HashMap<>();
        for (EntryTotals row : sheet) {
            for (JudgeTotal t : row.totals()) {
                byJudge.computeIfAbsent(t.judge(), k -> new ArrayList<>()).add(points(t.totalHalfPoints()));
            }
        }
        Map<String, BigDecimal[]> stats = new HashMap<>();
        byJudge.forEach((judge, totals) -> stats.put(judge, new BigDecimal[]{mean(totals), populationSd(totals)}));
        return stats;
    }

    private static BigDecimal z(JudgeTotal total, BigDecimal[] stats) {
        if (stats[1].signum() == 0) {
            return BigDecimal.ZERO;
        }
        return points(total.totalHalfPoints()).subtract(stats[0]).divide(stats[1], PRECISION);
    }

    /** All totals of the round, for showing z̄ rescaled to points: overall mean + z̄ × overall SD. */
    public static BigDecimal rescaled(BigDecimal zMean, List<EntryTotals> sheet) {
        List<BigDecimal> all = sheet.stream().flatMap(r -> r.totals().stream()).map(t -> points(t.totalHalfPoints())).toList();
        return mean(all).add(zMean.multiply(populationSd(all), PRECISION), PRECISION);
    }

    static BigDecimal populationSd(List<BigDecimal> values) {
        BigDecimal mean = mean(values);
        BigDecimal sumOfSquares = values.stream().map(v -> v.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sumOfSquares.divide(BigDecimal.valueOf(values.size()), PRECISION).sqrt(PRECISION);
    }

    static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), PRECISION);
    }

    static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(TWO, PRECISION);
    }

    private static BigDecimal points(int halfPoints) {
        return BigDecimal.valueOf(halfPoints).divide(TWO, PRECISION);
    }
}
