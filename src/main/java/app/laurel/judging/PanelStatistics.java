package app.laurel.judging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an organiser looks at before closing a round: entries on which the panel disagrees (max − min total
 * above a threshold), each judge's mean, spread and leniency against the panel, and, when every judge scored
 * every entry, Kendall's W (0: no agreement on the order, 1: the same order from everyone).
 */
public final class PanelStatistics {

    private PanelStatistics() {
    }

    /** A judge's mean and population SD of their totals, and leniency: their mean excess over each entry's mean. */
    public record JudgeFigures(String judge, int scored, BigDecimal mean, BigDecimal sd, BigDecimal leniency) {
    }

    /** Entries whose highest and lowest totals differ by more than {@code percent} of the rubric's maximum. */
    public static List<Long> disagreements(List<EntryTotals> sheet, int rubricMaxPoints, int percent) {
        int thresholdHalfPoints = rubricMaxPoints * 2 * percent;
        List<Long> flagged = new ArrayList<>();
        for (EntryTotals row : sheet) {
            if (row.totals().size() < 2) {
                continue;
            }
            int max = row.totals().stream().mapToInt(JudgeTotal::totalHalfPoints).max().orElseThrow();
            int min = row.totals().stream().mapToInt(JudgeTotal::totalHalfPoints).min().orElseThrow();
            if ((max - min) * 100 > thresholdHalfPoints) {
                flagged.add(row.entryId());
            }
        }
        return flagged;
    }

    public static List<JudgeFigures> judges(List<EntryTotals> sheet) {
        Map<String, List<BigDecimal>> totals = new LinkedHashMap<>();
        Map<String, List<BigDecimal>> excess = new HashMap<>();
        for (EntryTotals row : sheet) {
            BigDecimal entryMean = Ranker.mean(row.totals().stream().map(t -> points(t.totalHalfPoints())).toList());
            for (JudgeTotal t : row.totals()) {
                totals.computeIfAbsent(t.judge(), k -> new ArrayList<>()).add(points(t.totalHalfPoints()));
                excess.computeIfAbsent(t.judge(), k -> new ArrayList<>()).add(points(t.totalHalfPoints()).subtract(entryMean));
            }
        }
        List<JudgeFigures> figures = new ArrayList<>();
        totals.forEach((judge, list) -> figures.add(new JudgeFigures(judge, list.size(), Ranker.mean(list),
                Ranker.populationSd(list), Ranker.mean(excess.get(judge)))));
        return figures;
    }

    /**
     * Kendall's coefficient of concordance for a complete sheet (every judge scored every entry), with the
     * correction for tied totals: W = 12·S / (m²(n³ − n) − m·ΣT), ranks averaged within ties.
     */
    public static double kendallsW(List<EntryTotals> sheet, List<String> judges) {
        int n = sheet.size();
        int m = judges.size();
        if (n < 2 || m < 2) {
            return Double.NaN;
        }
        double[] rankSums = new double[n];
        double tieCorrection = 0;
        for (String judge : judges) {
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = sheet.get(i).totals().stream().filter(t -> t.judge().equals(judge)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Kendall's W needs every judge on every entry"))
                        .totalHalfPoints();
            }
            for (int i = 0; i < n; i++) {
                int below = 0;
                int equal = 0;
                for (int k = 0; k < n; k++) {
                    if (scores[k] < scores[i]) {
                        below++;
                    } else if (scores[k] == scores[i]) {
                        equal++;
                    }
                }
                rankSums[i] += below + (equal + 1) / 2.0;
            }
            Map<Double, Integer> groups = new HashMap<>();
            for (double s : scores) {
                groups.merge(s, 1, Integer::sum);
            }
            for (int t : groups.values()) {
                tieCorrection += (double) t * t * t - t;
            }
        }
        double meanRankSum = m * (n + 1) / 2.0;
        double s = 0;
        for (double r : rankSums) {
            s += (r - meanRankSum) * (r - meanRankSum);
        }
        double denominator = (double) m * m * ((double) n * n * n - n) - m * tieCorrection;
        return denominator == 0 ? 1.0 : 12 * s / denominator;
    }

    private static BigDecimal points(int halfPoints) {
        return Ranker.half(halfPoints);
    }
}
