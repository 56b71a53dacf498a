package app.laurel.submission;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestUnit;
import jakarta.persistence.EntityManager;

import java.util.Optional;

/**
 * Whether a unit is still below its minimum (名额) in a contest, counted as the quota board counts it: for whatever
 * chases units before their deadline (the reminders of issue 14), so the counting rule stays written once.
 */
public final class QuotaShortfalls {

    private QuotaShortfalls() {
    }

    /** The unit's quota line when it has fewer counting entries than its minimum; empty when it has enough. */
    public static Optional<QuotaLine> of(EntityManager em, Contest contest, ContestUnit participation) {
        QuotaLine line = QuotaBoard.line(em, contest, participation);
        return line.isBelowMinimum() ? Optional.of(line) : Optional.empty();
    }
}
