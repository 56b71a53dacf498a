package app.laurel.platform.persistence;

import app.laurel.platform.error.LaurelException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are the timing's fault, to be tried again, and which are the request's, to be answered. */
class LockConflictsTest {

    @Test
    void aDeadlockOrALockWaitTimeoutIsTransientHoweverDeeplyWrapped() {
        SQLException deadlock = new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
        SQLException timeout = new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
        assertTrue(LockConflicts.isTransient(new EJBException(new PersistenceException(new RuntimeException(deadlock)))));
        assertTrue(LockConflicts.isTransient(new PersistenceException("commit", timeout)));
        assertTrue(LockConflicts.isTransient(new jakarta.persistence.LockTimeoutException("lock")));
    }

    @Test
    void aRefusalAStaleVersionOrADuplicateKeyIsNot() {
        assertFalse(LockConflicts.isTransient(LaurelException.conflict("entry.quotaReached", "某镇", 3)));
        assertFalse(LockConflicts.isTransient(new EJBException(new OptimisticLockException("version moved"))));
        assertFalse(LockConflicts.isTransient(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertFalse(LockConflicts.isTransient(new IllegalStateException("bug")));
    }
}
