package app.laurel.submission;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Indexes, and checks, the entries submitted before the similarity index existed (schema V13 removed the old
 * Jaccard flags), oldest first, so each is compared with those before it. Runs once shortly after start-up, in
 * small transactions, while the portal already serves; afterwards every submission indexes itself.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class SimilarityBackfill {

    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(SimilarityBackfill.class.getName());

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private DuplicateDetector detector;

    @Inject
    private Clock clock;

    @Resource
    private TimerService timers;

    @Resource
    private UserTransaction transaction;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(5_000, new TimerConfig(null, false));
    }

    @Timeout
    void backfill() {
        int done = 0;
        try {
            for (List<Long> batch = unindexed(); !batch.isEmpty(); batch = unindexed()) {
                transaction.begin();
                for (Long id : batch) {
                    detector.flag(em.find(Entry.class, id), clock.instant());
                }
                transaction.commit();
                em.clear();
                done += batch.size();
            }
        } catch (Exception e) {
            rollBack();
            LOG.log(Level.WARNING, "Duplicate check of earlier entries stopped; it resumes at the next start", e);
        }
        if (done > 0) {
            int count = done;
            LOG.info(() -> "Duplicate check: indexed " + count + " entries submitted before the similarity index");
        }
    }

    private void rollBack() {
        try {
            if (transaction.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not roll back the duplicate check of earlier entries", e);
        }
    }

    private List<Long> unindexed() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select e.id from entry e where e.status not in ('DRAFT', 'WITHDRAWN')"
                + " and not exists (select 1 from similarity_sketch s where s.entry_id = e.id)"
                + " order by e.submitted_at, e.id").setMaxResults(BATCH).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
