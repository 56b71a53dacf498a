package app.laurel.judging;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < judges; j++) {
            index.put(panel.get(j), j);
        }
        // Each entry's own scorecards only (9 of 300 judges, not a 40,000 × 300 table), lowest total first, in points.
        int[][] judgeOf = new int[n][];
        double[][] total = new double[n][];
        double[][] primary = new double[n][];
        for (int e = 0; e < n; e++) {
            List<JudgeTotal> cards = sheet.get(e).totals().stream().sorted(Comparator.comparingInt(JudgeTotal::totalHalfPoints)).toList();
            judgeOf[e] = cards.stream().mapToInt(t -> index.get(t.judge())).toArray();
            total[e] = cards.stream().mapToDouble(t -> t.totalHalfPoints() / 2.0).toArray();
            primary[e] = cards.stream().mapToDouble(t -> t.primaryHalfPoints() / 2.0).toArray();
        }
        double[][] zOf = method == AggregationMethod.ZSCORE ? zScores(judgeOf, total, judges) : null;
        Contenders contenders = Contenders.of(zOf == null ? total : zOf, topN);
        int[] inTop = new int[n];
        int[] times = new int[judges];
        double[][] keys = new double[n][];
        Random random = new Random(SEED);
        for (int sample = 0; sample < RESAMPLES; sample++) {
            Arrays.fill(times, 0);
            for (int i = 0; i < judges; i++) {
                times[random.nextInt(judges)]++;
            }
            int[] ranked = contenders.enoughPresent(judgeOf, times, topN) ? contenders.entries : null;
            int count = 0;
            for (int k = 0, size = ranked == null ? n : ranked.length; k < size; k++) {
                int e = ranked == null ? k : ranked[k];
                double[] key = key(e, judgeOf[e], total[e], primary[e], zOf == null ? null : zOf[e], times, method);
                if (key != null) {
                    keys[count++] = key;
                }
            }
            markTop(keys, count, topN, inTop);
        }
        Map<Long, Double> share = new HashMap<>();
        for (int e = 0; e < n; e++) {
            share.put(sheet.get(e).entryId(), inTop[e] / (double) RESAMPLES);
        }
        return share;
    }

    /**
     * The ranking keys of one entry under the drawn panel (each judge counted as often as drawn): value, plain mean,
     * primary mean, highest, index. Totals come lowest first, so the median and the trimmed ends are found by counting.
     */
    private static double[] key(int e, int[] judgeOf, double[] totals, double[] primaries, double[] z, int[] times,
                                AggregationMethod method) {
        int count = 0;
        double sum = 0;
        double primarySum = 0;
        double zSum = 0;
        double lowest = Double.NaN;
        double highest = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < judgeOf.length; c++) {
            int drawn = times[judgeOf[c]];
            if (drawn > 0) {
                count += drawn;
                sum += drawn * totals[c];
                primarySum += drawn * primaries[c];
                zSum += z == null ? 0 : drawn * z[c];
                lowest = Double.isNaN(lowest) ? totals[c] : lowest;
                highest = totals[c];
            }
        }
        if (count == 0) {
            return null;
        }
        double mean = sum / count;
        double value = switch (method) {
            case MEAN -> mean;
            case TRIMMED_MEAN -> count >= 5 ? (sum - lowest - highest) / (count - 2) : mean;
            case MEDIAN -> count % 2 == 1 ? nth(count / 2, judgeOf, totals, times)
                    : (nth(count / 2 - 1, judgeOf, totals, times) + nth(count / 2, judgeOf, totals, times)) / 2;
            case ZSCORE -> zSum / count;
        };
        return new double[]{value, mean, primarySum / count, highest, e};
    }

    /** The total at 0-based place {@code k} of the drawn totals in ascending order. */
    private static double nth(int k, int[] judgeOf, double[] totals, int[] times) {
        int seen = 0;
        for (int c = 0; c < judgeOf.length; c++) {
            seen += times[judgeOf[c]];
            if (seen > k) {
                return totals[c];
            }
        }
        throw new IllegalStateException("fewer than " + (k + 1) + " totals drawn");
    }

    private static final Comparator<double[]> BETTER = (a, b) -> {
        for (int i = 0; i < 4; i++) {
            int c = Double.compare(b[i], a[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /**
     * Counts one more resample in the top for every entry whose shared rank is within the top N: those at least as
     * good as the N-th best key (a shared rank is the place of the first of the tie). The N best are kept in a heap
     * rather than sorting every entry, a thousand times over.
     */
    private static void markTop(double[][] keys, int count, int topN, int[] inTop) {
        if (topN <= 0 || count == 0) {
            return;
        }
        double[] threshold;
        if (count <= topN) {
            threshold = null;
        } else {
            // The worst of the best N at the head: a key better than it replaces it.
            PriorityQueue<double[]> best = new PriorityQueue<>(topN, BETTER.reversed());
            for (int i = 0; i < count; i++) {
                if (best.size() < topN) {
                    best.add(keys[i]);
                } else if (BETTER.compare(keys[i], best.peek()) < 0) {
                    best.poll();
                    best.add(keys[i]);
                }
            }
            threshold = best.peek();
        }
        for (int i = 0; i < count; i++) {
            if (threshold == null || BETTER.compare(keys[i], threshold) <= 0) {
                inTop[(int) keys[i][4]]++;
            }
        }
    }

    /**
     * The entries that can reach the top N in some resample. Whatever judges are drawn, an entry's value lies between
     * its lowest and its highest card (in points, or z-scores): every method is a mean, a trimmed mean or a median of
     * its drawn cards. Take the entries with the highest lowest cards as anchors (N and a margin); an entry whose
     * highest card is below every anchor's lowest cannot pass a present anchor, so in a resample where at least N
     * anchors have a judge drawn, ranking the contenders alone marks exactly the same entries as ranking all of them.
     * At 40,000 entries and a top ten that is a few hundred entries a resample instead of 40,000.
     */
    private static final class Contenders {
        private static final int MARGIN = 50;
        final int[] entries;
        final int[] anchors;

        private Contenders(int[] entries, int[] anchors) {
            this.entries = entries;
            this.anchors = anchors;
        }

        static Contenders of(double[][] values, int topN) {
            int n = values.length;
            double[] lowest = new double[n];
            double[] highest = new double[n];
            for (int e = 0; e < n; e++) {
                lowest[e] = Double.NEGATIVE_INFINITY;
                highest[e] = Double.NEGATIVE_INFINITY;
                for (double v : values[e]) {
                    lowest[e] = lowest[e] == Double.NEGATIVE_INFINITY ? v : Math.min(lowest[e], v);
                    highest[e] = Math.max(highest[e], v);
                }
            }
            Integer[] byLowest = new Integer[n];
            for (int e = 0; e < n; e++) {
                byLowest[e] = e;
            }
            Arrays.sort(byLowest, (a, b) -> Double.compare(lowest[b], lowest[a]));
            int anchorCount = Math.min(n, Math.max(0, topN) + MARGIN);
            double floor = anchorCount == 0 ? Double.NEGATIVE_INFINITY : lowest[byLowest[anchorCount - 1]];
            int[] anchors = Arrays.stream(byLowest, 0, anchorCount).mapToInt(Integer::intValue).toArray();
            int[] entries = java.util.stream.IntStream.range(0, n)
                    .filter(e -> floor == Double.NEGATIVE_INFINITY || highest[e] >= floor).toArray();
            return new Contenders(entries, anchors);
        }

        /** Whether at least {@code topN} anchors have one of their judges drawn in this resample. */
        boolean enoughPresent(int[][] judgeOf, int[] times, int topN) {
            int present = 0;
            for (int a : anchors) {
                for (int j : judgeOf[a]) {
                    if (times[j] > 0) {
                        if (++present >= topN) {
                            return true;
                        }
                        break;
                    }
                }
            }
            return false;
        }
    }

    /** Each total as a z-score against its judge's mean and population SD over the round (0 for a flat judge). */
    private static double[][] zScores(int[][] judgeOf, double[][] total, int judges) {
        double[] sums = new double[judges];
        int[] counts = new int[judges];
        for (int e = 0; e < total.length; e++) {
            for (int c = 0; c < judgeOf[e].length; c++) {
                sums[judgeOf[e][c]] += total[e][c];
                counts[judgeOf[e][c]]++;
            }
        }
        double[] squares = new double[judges];
        for (int e = 0; e < total.length; e++) {
            for (int c = 0; c < judgeOf[e].length; c++) {
                int j = judgeOf[e][c];
                double mean = sums[j] / counts[j];
                squares[j] += (total[e][c] - mean) * (total[e][c] - mean);
            }
        }
        double[][] z = new double[total.length][];
        for (int e = 0; e < total.length; e++) {
            z[e] = new double[judgeOf[e].length];
            for (int c = 0; c < judgeOf[e].length; c++) {
                int j = judgeOf[e][c];
                double sd = Math.sqrt(squares[j] / counts[j]);
                z[e][c] = sd == 0 ? 0 : (total[e][c] - sums[j] / counts[j]) / sd;
            }
        }
        return z;
    }
}
