package app.laurel.submission;

/** The organiser's screening decision on a submitted entry; returning and rejecting need a reason. */
public enum ScreeningDecision {
    ACCEPT, RETURN, REJECT;

    public boolean needsReason() {
        return this != ACCEPT;
    }
}
