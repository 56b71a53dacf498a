package app.laurel.storage;

import app.laurel.platform.cluster.Cluster;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.config.LaurelConfig.Key;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Checks, in the background, the files stored before uploads were checked, so that the screening list warns of a
 * damaged one before anybody opens it. A little every {@code laurel.files.check-every} (a minute by default; one
 * file per transaction, within a time budget), so a store of 40,000 files is worked through without holding the
 * server up; nothing to do once all are checked.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class FileCheckSweep {

    static final int BATCH = 50;
    static final Duration BUDGET = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(FileCheckSweep.class.getName());

    @EJB
    private FileHealth health;

    @Inject
    private LaurelConfig config;

    @Inject
    private Cluster cluster;

    @Resource
    private TimerService timers;

    @PostConstruct
    void schedule() {
        long every = config.duration(Key.FILES_CHECK_EVERY).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        // One node checks; two would read the same files from the shared storage twice.
        if (!cluster.leads()) {
            return;
        }
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
