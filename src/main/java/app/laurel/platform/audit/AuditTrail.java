package app.laurel.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/**
 * Records audit events inside the caller's transaction, so an action and its audit line commit or fail together.
 * Called only from application services, which own the transaction.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Clock clock;

    public void record(String actor, String action, String subject, String detail) {
        em.persist(new AuditEvent(clock.instant(), actor == null ? "anonymous" : actor, action, subject, detail));
    }
}
