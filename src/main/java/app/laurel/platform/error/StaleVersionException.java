package app.laurel.platform.error;

import jakarta.ejb.ApplicationException;

import java.time.Instant;
import java.util.List;

/**
 * A write based on a version that is no longer the current one: someone saved in between, and saving now would
 * silently undo their change. Carries what the caller needs to decide what to do: the current version, who saved
 * it and when (when the audit trail knows), and which fields of the caller's write differ from what is stored.
 */
@ApplicationException(rollback = true)
public class StaleVersionException extends LaurelException {

    private final long currentVersion;
    private final String changedBy;
    private final transient Instant changedAt;
    private final transient List<String> fields;

    public StaleVersionException(long currentVersion, String changedBy, Instant changedAt, String changedAtText,
                                 List<String> fields) {
        super(Kind.CONFLICT, changedBy == null ? "error.stale" : "error.stale.by", changedBy, changedAtText);
        this.currentVersion = currentVersion;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.fields = List.copyOf(fields);
    }

    /** Two saves raced and this one lost at commit: nothing more is known than that. */
    public static StaleVersionException raced() {
        return new StaleVersionException(-1, null, null, null, List.of());
    }

    /** The version now stored; -1 when the loss was found at commit and the new version is not known here. */
    public long currentVersion() {
        return currentVersion;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    /** Names of the fields (as the API spells them) whose stored value differs from the caller's. */
    public List<String> fields() {
        return fields;
    }
}
