package app.laurel.platform.persistence;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements EclipseLink sends, per thread, so that what a request costs in statements can be
 * measured (see {@code StatementCountFilter}): a list whose cost grows with its rows is caught by a test, not by
 * a contest of 40,000 entries. Registered in persistence.xml; one increment per statement is nothing next to the
 * statement itself, and nothing reads the count unless the test switch is on.
 */
public class StatementCounter extends SessionEventAdapter {

    private static final ThreadLocal<long[]> SENT = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public void preExecuteCall(SessionEvent event) {
        SENT.get()[0]++;
    }

    /** The statements sent on this thread since it started. */
    public static long onThisThread() {
        return SENT.get()[0];
    }
}
