package app.laurel.submission;

/**
 * An organiser accepted, returned or rejected a submitted entry (fired inside the decision's transaction, so
 * whatever observes it commits or rolls back with the decision). {@code revision} tells one return of an entry
 * from the next one after it was corrected.
 */
public record EntryScreened(long entryId, int revision, ScreeningDecision decision) {
}
