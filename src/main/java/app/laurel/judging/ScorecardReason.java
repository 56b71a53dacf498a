package app.laurel.judging;

/**
 * Why a judge holds a scorecard: PLANNED at opening, REASSIGNED after another judge's conflict, THIRD_MARKER
 * added because the panel disagreed on the entry.
 */
public enum ScorecardReason {
    PLANNED, REASSIGNED, THIRD_MARKER
}
