package app.laurel.campaign;

import app.laurel.platform.audit.AuditScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** The campaign of a "campaign:CODE" or "report:ID" audit line (a unit's task report). */
@ApplicationScoped
public class CampaignAuditScope implements AuditScope {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Override
    public Optional<String> codeOf(String kind, String id) {
        return switch (kind) {
            case "campaign" -> id.length() <= 20 ? Optional.of(id) : Optional.empty();
            case "report" -> AuditScope.number(id).map(n -> em.find(TaskReport.class, n)).map(r -> r.getTask().getCampaign().getCode());
            default -> Optional.empty();
        };
    }
}
