package app.laurel.judging;

/** SETUP: rules may change. OPEN: judges score; the rules are frozen. CLOSED: the ranking is frozen. */
public enum RoundStatus {
    SETUP, OPEN, CLOSED
}
