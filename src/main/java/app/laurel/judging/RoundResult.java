package app.laurel.judging;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an organiser looks at before closing a round, all from the submitted scores: the ranking (with a settled
 * tie at the cut applied), the entries' codes by round-entry id, each entry's share of bootstrap resamples in
 * which it stays selected, the entries the panel disagrees on, the judges' figures, Kendall's W (ALL mode, over
 * the entries every judge scored; null when it cannot be computed), for ZSCORE z̄ rescaled to points, and whether
 * the organiser's settlement of a tie at the cut is in effect. A closed round's ranking is its frozen snapshot.
 * {@code labels} gives each entry code's title and unit (null for a citizen's own entry), for the organiser's
 * tables: filed with the figures, so a page view of a 40,000-entry round holds no copy of its own. So is
 * {@code progress}, the scorecards submitted of those assigned by entry and by judge: two statements over every
 * scorecard of the round, which took a page view of a 40,000-entry round about 1.5 s.
 */
public record RoundResult(Round round, Ranking ranking, Map<Long, String> codes, Map<Long, Double> stability,
                          Set<Long> disagreements, List<PanelStatistics.JudgeFigures> judges, Double kendallsW,
                          Map<Long, BigDecimal> rescaled, boolean cutApplied, Map<String, String[]> labels,
                          RoundService.Progress progress) {
}
