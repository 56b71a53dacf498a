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
        return ranked(entries, method, selectCount);
    }

    /**
     * The same ranking from the database's sums ({@link ScoreSums}) instead of every total: the figures are built
     * with exact arithmetic from whole half points, then go through the same divisions at the same precision, so
     * each one equals {@link #rank(List, AggregationMethod, int)}'s in value and in written form.
     */
    public static Ranking rank(ScoreSums sums, AggregationMethod method, int selectCount) {
        Map<Long, BigDecimal> zMeans = method == AggregationMethod.ZSCORE ? zMeans(sums) : Map.of();
        List<RankedEntry> entries = new ArrayList<>();
        for (ScoreSums.Entry row : sums.entries()) {
            BigDecimal mean = pointsSum(row.sum(), row.oddTotals() > 0).divide(BigDecimal.valueOf(row.count()), PRECISION);
            BigDecimal value = switch (method) {
                case MEAN -> mean;
                case TRIMMED_MEAN -> row.count() >= 5
                        ? pointsSum(row.sum() - row.lowest() - row.highest(),
                                row.oddTotals() - row.lowest() % 2 - row.highest() % 2 > 0).divide(BigDecimal.valueOf(row.count() - 2), PRECISION)
                        : mean;
                case MEDIAN -> row.count() % 2 == 1 ? points(row.lowMiddle())
                        : points(row.lowMiddle()).add(points(row.highMiddle())).divide(TWO, PRECISION);
                case ZSCORE -> zMeans.get(row.entryId());
            };
            entries.add(new RankedEntry(row.entryId(), value, mean,
                    pointsSum(row.primarySum(), row.oddPrimaries() > 0).divide(BigDecimal.valueOf(row.count()), PRECISION),
                    points(row.highest()), row.count(), 0));
        }
        return ranked(entries, method, selectCount);
    }

    /** Each entry's mean z-score; a z-score depends only on the judge and the total, so each pair is divided once. */
    private static Map<Long, BigDecimal> zMeans(ScoreSums sums) {
        Map<String, BigDecimal[]> stats = new HashMap<>();
        sums.judges().forEach((judge, s) -> stats.put(judge, new BigDecimal[]{mean(s), populationSd(s)}));
        Map<String, Map<Integer, BigDecimal>> zOf = new HashMap<>();
        Map<Long, BigDecimal> zSums = new HashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        for (ScoreSums.Card card : sums.cards()) {
            BigDecimal z = zOf.computeIfAbsent(card.judge(), k -> new HashMap<>())
                    .computeIfAbsent(card.total(), t -> z(new JudgeTotal(card.judge(), t, 0), stats.get(card.judge())));
            // From zero, as the sum of a list starts: the same written form whatever z comes first.
            zSums.merge(card.entryId(), BigDecimal.ZERO.add(z), BigDecimal::add);
            counts.merge(card.entryId(), 1, Integer::sum);
        }
        Map<Long, BigDecimal> means = new HashMap<>();
        zSums.forEach((entry, sum) -> means.put(entry, sum.divide(BigDecimal.valueOf(counts.get(entry)), PRECISION)));
        return means;
    }

    /** The mean of a judge's (or the round's) totals in points, from their sums. */
    static BigDecimal mean(ScoreSums.Judge s) {
        return pointsSum(s.sum(), s.oddTotals() > 0).divide(BigDecimal.valueOf(s.count()), PRECISION);
    }

    /**
     * The population SD from sums: Σ(v − m)² is Σv² − 2mΣv + n·m² exactly (no rounding in between), with the same
     * decimal places as the sum of the squared deviations, so the division and root that follow are the same.
     */
    static BigDecimal populationSd(ScoreSums.Judge s) {
        BigDecimal mean = mean(s);
        boolean odd = s.oddTotals() > 0;
        BigDecimal squares = BigDecimal.valueOf(s.squares()).divide(BigDecimal.valueOf(4)).setScale(odd ? 2 : 0);
        BigDecimal sumOfSquares = squares.subtract(TWO.multiply(mean).multiply(pointsSum(s.sum(), odd)))
                .add(BigDecimal.valueOf(s.count()).multiply(mean).multiply(mean));
        return sumOfSquares.divide(BigDecimal.valueOf(s.count()), PRECISION).sqrt(PRECISION);
    }

    /** z̄ rescaled to points from the round's sums: overall mean + z̄ × overall SD, as {@link #rescaled(BigDecimal, List)}. */
    public static BigDecimal rescaled(BigDecimal zMean, ScoreSums sums) {
        ScoreSums.Judge all = sums.overall();
        return mean(all).add(zMean.multiply(populationSd(all), PRECISION), PRECISION);
    }

    /** A sum of totals in points written as adding them up writes it: with a ".5" place when any total had one. */
    private static BigDecimal pointsSum(long halfPoints, boolean anyOdd) {
        BigDecimal sum = half(halfPoints);
        return anyOdd && sum.scale() == 0 ? sum.setScale(1) : sum;
    }

    private static Ranking ranked(List<RankedEntry> entries, AggregationMethod method, int selectCount) {
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
        return half(halfPoints);
    }

    /**
     * {@code h / 2} in the very value and scale {@code BigDecimal.valueOf(h).divide(TWO, PRECISION)} gives (scale 0
     * when even, 1 when odd), without a division: the figures of a 40,000-entry round turn millions of half points
     * into points, and each division at 34 digits allocated its own working numbers.
     */
    static BigDecimal half(long h) {
        return h % 2 == 0 ? BigDecimal.valueOf(h / 2) : BigDecimal.valueOf(h * 5, 1);
    }
}
