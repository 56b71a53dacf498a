package app.laurel.platform.error;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the user should read: a broken rule, a missing thing, a forbidden act. It carries a bundle key and
 * arguments, not text, so that the page and the REST API each say it in the caller's language.
 * Thrown from services and entities; the transaction is rolled back, so a refusal leaves nothing behind.
 */
@ApplicationException(rollback = true)
public class LaurelException extends RuntimeException {

    /** What kind of refusal this is; the API turns it into an HTTP status. */
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, THROTTLED, UNAUTHENTICATED }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] args;

    public LaurelException(Kind kind, String messageKey, Object... args) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args;
    }

    public static LaurelException notFound(String messageKey, Object... args) {
        return new LaurelException(Kind.NOT_FOUND, messageKey, args);
    }

    public static LaurelException forbidden(String messageKey, Object... args) {
        return new LaurelException(Kind.FORBIDDEN, messageKey, args);
    }

    /** Too many attempts in a window (429): a limit that protects the service, with when to try again in the text. */
    public static LaurelException tooMany(String messageKey, Object... args) {
        return new LaurelException(Kind.THROTTLED, messageKey, args);
    }

    public static LaurelException conflict(String messageKey, Object... args) {
        return new LaurelException(Kind.CONFLICT, messageKey, args);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }
}
