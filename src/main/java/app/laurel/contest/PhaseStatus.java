package app.laurel.contest;

/** Where the server's clock stands relative to a phase. */
public enum PhaseStatus { UPCOMING, OPEN, CLOSED }
