package app.laurel.platform.persistence;

import app.laurel.platform.error.LaurelException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a piece of a service in a transaction of its own and runs it again, in a fresh transaction, when the
 * database gave it up because of other transactions: a deadlock chosen as victim, or a lock wait that timed out.
 * Such a failure says nothing about the request, only about its timing, so a person submitting at the deadline
 * with hundreds of others must not see it. Every other failure, and a refusal, passes through at once.
 * <p>
 * The retry wraps the transaction, never runs inside it: a transaction the database has rolled back cannot go on.
 * So a service calls this from a method that itself runs without a transaction
 * ({@code @TransactionAttribute(NOT_SUPPORTED)}), and the work it passes joins the transaction started here.
 */
@Stateless
@PermitAll
public class LockConflicts {

    static final int ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(LockConflicts.class.getName());

    @Resource
    private SessionContext session;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T> T retried(Supplier<T> work) {
        LockConflicts self = session.getBusinessObject(LockConflicts.class);
        for (int attempt = 1; ; attempt++) {
            try {
                return self.once(work);
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    LOG.warning(() -> "Gave up after " + ATTEMPTS + " lock conflicts: " + e);
                    throw LaurelException.tooMany("platform.busy", 5);
                }
                int tried = attempt;
                LOG.fine(() -> "Lock conflict, attempt " + tried + " of " + ATTEMPTS + ": " + e);
                pause(attempt);
            }
        }
    }

    /** One attempt; public only so that the container starts its transaction. Call {@link #retried}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T once(Supplier<T> work) {
        return work.get();
    }

    /** A deadlock or a lock wait timeout, however deep JPA, JTA and the EJB container have wrapped it. */
    public static boolean isTransient(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LockTimeoutException || t instanceof PessimisticLockException) {
                return true;
            }
            // 1213 deadlock, 1205 lock wait timeout (MySQL and MariaDB); SQLSTATE 40001 is the standard's
            // serialization failure, which the driver reports for both.
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        // Random, growing pauses, so that the transactions that collided do not collide again in step.
        long millis = ThreadLocalRandom.current().nextLong(20L << attempt, 60L << attempt);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LaurelException.tooMany("platform.busy", 5);
        }
    }
}
