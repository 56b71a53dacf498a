package app.laurel.contest;

import app.laurel.platform.audit.AuditScope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The contest of a "contest:CODE" audit line is the code itself. */
@ApplicationScoped
public class ContestAuditScope implements AuditScope {

    @Override
    public Optional<String> codeOf(String kind, String id) {
        return "contest".equals(kind) && id.length() <= 20 ? Optional.of(id) : Optional.empty();
    }
}
