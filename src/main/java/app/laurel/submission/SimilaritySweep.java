package app.laurel.submission;

import app.laurel.platform.cluster.Cluster;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs 查重 for every submitted entry that has not been checked yet (never, or not since it was submitted
 * again), oldest first, each in a short transaction of its own, one entry after another.
 * <p>
 * Submitting only queues the check (see {@link DuplicateDetector#requeue}) and nudges this sweep once the
 * submission has committed, so no submission waits for, or holds a lock during, a comparison whose cost grows
 * with the contest: a flag appears a moment after the receipt. Checking one entry at a time also means that
 * of two near-duplicates submitted in the same second, the later one always sees the earlier. A sweep also runs
 * shortly after start-up and then every minute, which checks what a restart interrupted and the entries of
 * databases older than the similarity index (schema V13).
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SimilaritySweep {

    private static final int BATCH = 100;
    /** From this many unchecked entries in one contest, a pass over the whole contest is cheaper than one by one. */
    static final int BULK = 200;
    private static final long EVERY_MILLIS = 60_000;
    private static final Logger LOG = Logger.getLogger(SimilaritySweep.class.getName());

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private DuplicateDetector detector;

    @Inject
    private Clock clock;

    @Inject
    private Cluster cluster;

    @Resource
    private TimerService timers;

    @Resource
    private UserTransaction transaction;

    /** One sweep at a time; a nudge during a sweep makes it look again before it ends. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(5_000, EVERY_MILLIS, new TimerConfig(null, false));
    }

    /** After a submission commits: a timer due now runs the sweep on the container's timer thread, not the submitter's. */
    public void submitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntrySubmitted event) {
        try {
            timers.createSingleActionTimer(0, new TimerConfig(null, false));
        } catch (RuntimeException e) {
            // The entry is committed and its receipt given; the minute's sweep checks it instead.
            LOG.log(Level.WARNING, "Could not start the duplicate check of entry " + event.entryId(), e);
        }
    }

    @Timeout
    void sweep() {
        // Two nodes checking the same entry would race to write its sketch and flags: only the oldest node checks.
        // A submission on another node waits for the leader's next minute instead of nudging it.
        if (!cluster.leads()) {
            return;
        }
        wanted.set(true);
        while (wanted.get() && running.compareAndSet(false, true)) {
            try {
                wanted.set(false);
                checkUnchecked();
            } finally {
                running.set(false);
            }
        }
    }

    private void checkUnchecked() {
        int done = 0;
        try {
            done += checkInBulk();
            for (List<Long> batch = unchecked(); !batch.isEmpty(); batch = unchecked()) {
                for (Long id : batch) {
                    transaction.begin();
                    detector.flag(em.find(Entry.class, id), clock.instant());
                    transaction.commit();
                    em.clear();
                    done++;
                }
            }
        } catch (Exception e) {
            rollBack();
            LOG.log(Level.WARNING, "Duplicate check stopped; the next sweep resumes it", e);
        }
        if (done > 0) {
            int count = done;
            LOG.fine(() -> "Duplicate check: checked " + count + " entries");
        }
    }

    /**
     * A contest with hundreds of entries unchecked (an import, a restored database, the deadline's last minute) is
     * checked in one pass over all its entries ({@link ContestSimilarity}) instead of one entry at a time: at 40,000
     * entries that is a minute instead of hours. The pass reads first without holding a lock, then writes the index
     * rows in the index's order, then its findings a few hundred entries per transaction, in the order the
     * one-by-one check would have taken.
     */
    private int checkInBulk() throws Exception {
        int done = 0;
        @SuppressWarnings("unchecked")
        List<Number> contests = em.createNativeQuery("select e.contest_id from entry e where e.status not in ('DRAFT', 'WITHDRAWN')"
                + " and not exists (select 1 from similarity_sketch s where s.entry_id = e.id)"
                + " group by e.contest_id having count(*) >= ?").setParameter(1, BULK).getResultList();
        for (Number contest : contests) {
            transaction.begin();
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("select e.id from entry e where e.contest_id = ?"
                    + " and e.status not in ('DRAFT', 'WITHDRAWN') and not exists (select 1 from similarity_sketch s where s.entry_id = e.id)"
                    + " order by e.submitted_at, e.id").setParameter(1, contest.longValue()).getResultList();
            ContestSimilarity.Plan plan = ContestSimilarity.plan(em.unwrap(Connection.class), contest.longValue(),
                    ids.stream().map(Number::longValue).toList());
            transaction.commit();
            em.clear();
            for (boolean more = true; more; ) {
                transaction.begin();
                more = plan.writeFingerprints(em.unwrap(Connection.class));
                transaction.commit();
            }
            for (List<Long> chunk : plan.chunks()) {
                transaction.begin();
                done += detector.flag(plan, chunk, clock.instant());
                transaction.commit();
                em.clear();
            }
        }
        return done;
    }

    private void rollBack() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not roll back a duplicate check", e);
        }
    }

    private List<Long> unchecked() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select e.id from entry e where e.status not in ('DRAFT', 'WITHDRAWN')"
                + " and not exists (select 1 from similarity_sketch s where s.entry_id = e.id)"
                + " order by e.submitted_at, e.id").setMaxResults(BATCH).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
