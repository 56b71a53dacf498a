package app.laurel.judging;

/** DRAFT: the judge may still change it. SUBMITTED: final, unless an organiser reopens it. */
public enum ScorecardStatus {
    DRAFT, SUBMITTED
}
