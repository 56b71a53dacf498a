package app.laurel.campaign;

/** What one row of a report's history records. */
public enum EventKind {
    SUBMITTED, ACCEPTED, RETURNED
}
