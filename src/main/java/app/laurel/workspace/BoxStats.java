package app.laurel.workspace;

import java.util.List;

/**
 * Five numbers and the mean of one judge's totals, for a box drawn as floating bars (Chart.js has no box plot).
 * Quartiles interpolate linearly between the sorted values (Excel's QUARTILE.INC, R's type 7), so a judge with one
 * score has a flat box at that score.
 */
public record BoxStats(int n, double min, double q1, double median, double q3, double max, double mean) {

    /** From totals sorted ascending; an empty list has no box. */
    public static BoxStats of(List<Double> sorted) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no scores");
        }
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new BoxStats(sorted.size(), sorted.get(0), quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), sorted.get(sorted.size() - 1), round(sum / sorted.size()));
    }

    static double quantile(List<Double> sorted, double p) {
        double position = p * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.size() - 1);
        return round(sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below)));
    }

    /** Two decimals: scores are in half points, so more digits only add noise to the table. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
