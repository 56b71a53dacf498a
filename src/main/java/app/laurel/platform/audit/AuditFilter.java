package app.laurel.platform.audit;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.time.Clocks;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the audit log is narrowed to: a contest or campaign (its code), an account (the actor's username), an action
 * code, and days in Beijing time, {@code from} and {@code to} both included. Blank means any. The same for the page,
 * its Excel export and {@code GET /api/v1/audit}. Serializable: the audit page keeps the one it applied in its view,
 * which a cluster carries to another node.
 */
public record AuditFilter(String contest, String account, String action, LocalDate from, LocalDate to) implements Serializable {

    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** Checked: every problem is reported beside its field at once. */
    public static AuditFilter of(String contest, String account, String action, LocalDate from, LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        String c = blankless(contest);
        String a = blankless(account);
        String act = blankless(action);
        if (c != null && c.length() > 20) {
            errors.add(new FieldError("contest", "validation.length", 0, 20));
        }
        if (a != null && a.length() > 32) {
            errors.add(new FieldError("account", "validation.length", 0, 32));
        }
        if (act != null && !ACTION.matcher(act).matches()) {
            errors.add(new FieldError("action", "validation.choice"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "audit.filter.dates"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AuditFilter(c, a, act, from, to);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }

    /** The first instant of {@code from}'s day in Beijing; null for no lower bound. */
    Instant since() {
        return from == null ? null : from.atStartOfDay(Clocks.ZONE).toInstant();
    }

    /** The first instant after {@code to}'s day in Beijing; null for no upper bound. */
    Instant before() {
        return to == null ? null : to.plusDays(1).atStartOfDay(Clocks.ZONE).toInstant();
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
