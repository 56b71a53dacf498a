package app.laurel.judging;

/**
 * How a round turns judges' totals into one value per entry, declared before scoring starts.
 * <ul>
 *   <li>MEAN: the arithmetic mean of the totals.</li>
 *   <li>TRIMMED_MEAN (去掉一个最高分和一个最低分): with five or more totals, drop exactly one highest and one
 *       lowest and take the mean of the rest; with fewer, the plain mean.</li>
 *   <li>MEDIAN: the median of the totals (the mean of the middle two for an even count).</li>
 *   <li>ZSCORE: each total as a z-score against that judge's own mean and population standard deviation over
 *       the round (0 when the deviation is 0); the entry's value is the mean of its z-scores.</li>
 * </ul>
 */
public enum AggregationMethod {
    MEAN, TRIMMED_MEAN, MEDIAN, ZSCORE
}
