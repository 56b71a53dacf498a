package app.laurel.publication;

import app.laurel.platform.audit.AuditScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** The contest of a notice, objection, prize or certificate audit line. */
@ApplicationScoped
public class PublicationAuditScope implements AuditScope {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Override
    public Optional<String> codeOf(String kind, String id) {
        return switch (kind) {
            case "notice" -> AuditScope.number(id).map(n -> em.find(Notice.class, n)).map(n -> n.getContest().getCode());
            case "objection" -> AuditScope.number(id).map(n -> em.find(Objection.class, n)).map(o -> o.getNotice().getContest().getCode());
            case "prize" -> AuditScope.number(id).map(n -> em.find(Prize.class, n)).map(p -> p.getEntry().getContest().getCode());
            case "certificate" -> em.createNamedQuery("Certificate.bySerial", Certificate.class).setParameter("serial", id)
                    .getResultStream().findFirst().map(c -> c.getContest().getCode());
            default -> Optional.empty();
        };
    }
}
