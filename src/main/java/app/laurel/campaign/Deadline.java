package app.laurel.campaign;

import java.time.Instant;

/** The campaign's deadline rule, by the server's clock: a task's due time, or later only by the organiser's extension. */
public final class Deadline {

    private Deadline() {
    }

    /** Whether a unit may still report: up to and including the due instant, or its extension if that is later. */
    public static boolean open(Instant due, Instant extendedUntil, Instant now) {
        Instant last = extendedUntil != null && extendedUntil.isAfter(due) ? extendedUntil : due;
        return !now.isAfter(last);
    }
}
