package app.laurel.judging;

import app.laurel.platform.audit.AuditScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** The contest of a "round:ID" audit line. */
@ApplicationScoped
public class RoundAuditScope implements AuditScope {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Override
    public Optional<String> codeOf(String kind, String id) {
        if (!"round".equals(kind)) {
            return Optional.empty();
        }
        return AuditScope.number(id).map(n -> em.find(Round.class, n)).map(r -> r.getContest().getCode());
    }
}
