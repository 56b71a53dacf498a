package app.laurel.storage;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Checks, in the background, the files stored before uploads were checked, so that the screening list warns of a
 * damaged one before anybody opens it. A little each minute (one file per transaction, within a time budget),
 * so a store of 40,000 files is worked through without holding the server up; nothing to do once all are checked.
 */
@Singleton
public class FileCheckSweep {

    static final int BATCH = 50;
    static final Duration BUDGET = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(FileCheckSweep.class.getName());

    @EJB
    private FileHealth health;

    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        long stop = System.nanoTime() + BUDGET.toNanos();
        int damaged = 0;
        for (long fileId : health.unchecked(BATCH)) {
            if (System.nanoTime() > stop) {
                break;
            }
            damaged += health.check(fileId) ? 0 : 1;
        }
        if (damaged > 0) {
            int found = damaged;
            LOG.warning(() -> found + " stored files found damaged: organisers see the warning in screening");
        }
    }
}
