package app.laurel.judging;

/** The rules a round declares before scoring starts. */
public record RoundRules(String name, AssignmentMode mode, Integer judgesPerEntry, AggregationMethod method,
                         int minScores, int disagreementPct, int selectCount, Rubric rubric) {
}
