package app.laurel.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import app.laurel.platform.i18n.Messages;
import app.laurel.platform.time.Clocks;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Records audit events inside the caller's transaction, so an action and its audit line commit or fail together.
 * Called only from application services, which own the transaction. Each line gets the contest or campaign of its
 * subject from the features ({@link AuditScope}): audit writes are rare, so one small look-up per line is cheap.
 */
@ApplicationScoped
public class AuditTrail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.ZONE);
    private static final DateTimeFormatter EXACTLY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Clocks.ZONE);

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @Any
    private Instance<AuditScope> scopes;

    public void record(String actor, String action, String subject, String detail) {
        record(actor, action, subject, detail, null, null);
    }

    /** A change: what it was ({@code before}) and what it is now ({@code after}), each as people read it. */
    public void record(String actor, String action, String subject, String detail, String before, String after) {
        em.persist(new AuditEvent(clock.instant(), actor == null ? "anonymous" : actor, action, subject, detail,
                scopeOf(subject), before, after));
    }

    /** A time in a before or after value, as people there read it: Beijing time to the minute; "—" for none. */
    public static String shown(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    /** When a line was written, to the second in Beijing time, as the log page and its export show it. */
    public static String exactly(Instant instant) {
        return EXACTLY.format(instant);
    }

    /** An action in plain words from the bundles ("修改评分"); its code when the bundles have none for it. */
    public static String label(Locale locale, String action) {
        String key = "audit.action." + action;
        String text = Messages.text(locale, key);
        return key.equals(text) ? action : text;
    }

    /** The first "kind:id" of the subject ("contest:HY2021 unit:7" → contest, HY2021) asked of every feature. */
    private String scopeOf(String subject) {
        if (subject == null) {
            return null;
        }
        String first = subject.strip().split("\\s+", 2)[0];
        int colon = first.indexOf(':');
        if (colon <= 0 || colon == first.length() - 1) {
            return null;
        }
        String kind = first.substring(0, colon);
        String id = first.substring(colon + 1);
        for (AuditScope scope : scopes) {
            Optional<String> code = scope.codeOf(kind, id);
            if (code.isPresent()) {
                return code.get();
            }
        }
        return null;
    }
}
