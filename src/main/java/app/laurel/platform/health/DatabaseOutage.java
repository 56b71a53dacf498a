package app.laurel.platform.health;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached" (refused, reset, timed out, no pooled connection),
 * so that pages and the API answer 503 (try again shortly) rather than 500 (our bug). The pool and EclipseLink wrap
 * the driver's exception in their own, sometimes keeping only its message, so both types and messages count.
 */
public final class DatabaseOutage {

    private static final String[] MESSAGES = {"Communications link failure", "Error in allocating a connection",
            "Connection refused", "Socket closed", "Connection reset", "Could not create connection"};

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLRecoverableException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t.getClass().getName().endsWith("ResourceAllocationException")) {
                return true;
            }
            String message = t.getMessage();
            if (message != null) {
                for (String sign : MESSAGES) {
                    if (message.contains(sign)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
