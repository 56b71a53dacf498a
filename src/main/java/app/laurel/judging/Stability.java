package app.laurel.judging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How firmly each selected entry holds its place: the panel is resampled with replacement (the same number of
 * judges, some drawn twice, some not at all) a thousand times, the ranking recomputed each time, and for every
 * entry the share of resamples in which it stays in the top N is counted. A fixed seed makes the figure
 * reproducible from the score sheet.
 * <p>
 * The official ranking is exact ({@link Ranker}); this figure is a statistic about it and is computed in doubles,
 * with the same method and tie-breaks, because a thousand exact re-rankings took seconds on the organiser's page.
 * A judge drawn twice counts as two judges with the same totals, which is also how their z-scores come out.
 */
public final class Stability {

    public static final int RESAMPLES = 1000;
    static final long SEED = 20210626L;

    private Stability() {
    }

    public static Map<Long, Double> topShare(List<EntryTotals> sheet, AggregationMethod method, int topN) {
        List<String> panel = sheet.stream().flatMap(r -> r.totals().stream()).map(JudgeTotal::judge).distinct().sorted().toList();
        int judges = panel.size();
        int n = sheet.size();
        // Totals by entry and judge index, in points; NaN where the judge did not score the entry.
        double[][] total = new double[n][judges];
        double[][] primary = new double[n][judges];
        for (double[] row : total) {
            Arrays.fill(row, Double.NaN);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < judges; j++) {
            index.put(panel.get(j), j);
        }
        for (int e = 0; e < n; e++) {
            for (JudgeTotal t : sheet.get(e).totals()) {
                total[e][index.get(t.judge())] = t.totalHalfPoints() / 2.0;
                primary[e][index.get(t.judge())] = t.primaryHalfPoints() / 2.0;
            }
        }
        double[][] zOf = method == AggregationMethod.ZSCORE ? zScores(total, judges) : null;
        int[] inTop = new int[n];
        int[] drawn = new int[judges];
        Random random = new Random(SEED);
        for (int sample = 0; sample < RESAMPLES; sample++) {
            for (int i = 0; i < judges; i++) {
                drawn[i] = random.nextInt(judges);
            }
            List<double[]> keys = new ArrayList<>(n);
            for (int e = 0; e < n; e++) {
                double[] key = key(e, total[e], primary[e], zOf == null ? null : zOf[e], drawn, method);
                if (key != null) {
                    keys.add(key);
                }
            }
            markTop(keys, topN, inTop);
        }
        Map<Long, Double> share = new HashMap<>();
        for (int e = 0; e < n; e++) {
            share.put(sheet.get(e).entryId(), inTop[e] / (double) RESAMPLES);
        }
        return share;
    }

    /** The ranking keys of one entry under the drawn panel: value, plain mean, primary mean, highest, index. */
    private static double[] key(int e, double[] totals, double[] primaries, double[] z, int[] drawn, AggregationMethod method) {
        double[] values = new double[drawn.length];
        int count = 0;
        double sum = 0;
        double primarySum = 0;
        double zSum = 0;
        double highest = Double.NEGATIVE_INFINITY;
        for (int judge : drawn) {
            if (!Double.isNaN(totals[judge])) {
                values[count++] = totals[judge];
                sum += totals[judge];
                primarySum += primaries[judge];
                highest = Math.max(highest, totals[judge]);
                zSum += z == null ? 0 : z[judge];
            }
        }
        if (count == 0) {
            return null;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        double mean = sum / count;
        double value = switch (method) {
            case MEAN -> mean;
            case TRIMMED_MEAN -> count >= 5 ? (sum - sorted[0] - sorted[count - 1]) / (count - 2) : mean;
            case MEDIAN -> count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
            case ZSCORE -> zSum / count;
        };
        return new double[]{value, mean, primarySum / count, highest, e};
    }

    /** Counts, for every entry whose shared rank is within the top N, one more resample in the top. */
    private static void markTop(List<double[]> keys, int topN, int[] inTop) {
        Comparator<double[]> better = (a, b) -> {
            for (int i = 0; i < 4; i++) {
                int c = Double.compare(b[i], a[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        keys.sort(better);
        int rank = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (i == 0 || better.compare(keys.get(i - 1), keys.get(i)) != 0) {
                rank = i + 1;
            }
            if (rank > topN) {
                return;
            }
            inTop[(int) keys.get(i)[4]]++;
        }
    }

    /** Each total as a z-score against its judge's mean and population SD over the round (0 for a flat judge). */
    private static double[][] zScores(double[][] total, int judges) {
        double[][] z = new double[total.length][judges];
        for (int j = 0; j < judges; j++) {
            double sum = 0;
            int count = 0;
            for (double[] row : total) {
                if (!Double.isNaN(row[j])) {
                    sum += row[j];
                    count++;
                }
            }
            double mean = count == 0 ? 0 : sum / count;
            double squares = 0;
            for (double[] row : total) {
                if (!Double.isNaN(row[j])) {
                    squares += (row[j] - mean) * (row[j] - mean);
                }
            }
            double sd = count == 0 ? 0 : Math.sqrt(squares / count);
            for (int e = 0; e < total.length; e++) {
                z[e][j] = Double.isNaN(total[e][j]) || sd == 0 ? 0 : (total[e][j] - mean) / sd;
            }
        }
        return z;
    }
}
