package app.laurel.platform.audit;

import java.util.Optional;

/**
 * Tells the audit trail which contest or campaign a subject belongs to ("round:5" → HY2021), so that every line can be
 * found by its contest. Each feature implements it for the subjects it writes; the trail asks them all and knows none
 * of their tables. Called once per audit line, inside the writer's transaction.
 */
public interface AuditScope {

    /**
     * The code of the contest or campaign that the subject {@code kind:id} belongs to; empty when the kind is not
     * this feature's or the thing is gone.
     */
    Optional<String> codeOf(String kind, String id);

    /** A subject's numeric id ("42"); empty for anything else, so a malformed subject just finds no contest. */
    static Optional<Long> number(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }
}
