package app.laurel.submission;

import app.laurel.platform.audit.AuditScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** The contest of an "entry:ID" audit line. */
@ApplicationScoped
public class EntryAuditScope implements AuditScope {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Override
    public Optional<String> codeOf(String kind, String id) {
        if (!"entry".equals(kind)) {
            return Optional.empty();
        }
        return AuditScope.number(id).map(n -> em.find(Entry.class, n)).map(e -> e.getContest().getCode());
    }
}
