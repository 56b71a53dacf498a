package app.laurel.platform.persistence;

import app.laurel.platform.audit.AuditEvent;
import app.laurel.platform.error.StaleVersionException;
import app.laurel.platform.time.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The guard every edit of a versioned aggregate goes through, so that a save made from an old screen or an old GET
 * cannot undo a newer one. A {@code @Version} column alone protects nothing here: services load the managed entity
 * and copy the caller's values onto it, so JPA compares the version it just read, never the one the caller saw
 * (and EclipseLink ignores a version set on a managed entity). Hence the explicit comparison first, then a forced
 * increment flushed at once, so two saves that both passed the comparison still cannot both commit.
 */
@ApplicationScoped
public class Versions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.ZONE);

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    /**
     * Refuses the write when the caller based it on another version than {@code current}. A null {@code expected}
     * means the caller did not say (an older API client): the write goes ahead unchecked. {@code auditSubject}
     * finds who saved last; {@code differences} names the fields where the caller's write and the stored state differ.
     */
    public void expect(long current, Long expected, String auditSubject, Supplier<List<String>> differences) {
        if (expected == null || expected == current) {
            return;
        }
        List<AuditEvent> last = em.createQuery(
                        "select e from AuditEvent e where e.subject = :subject order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("subject", auditSubject).setMaxResults(1).getResultList();
        AuditEvent event = last.isEmpty() ? null : last.get(0);
        throw new StaleVersionException(current, event == null ? null : event.getActor(),
                event == null ? null : event.getOccurredAt(), event == null ? null : WHEN.format(event.getOccurredAt()),
                differences.get());
    }

    /**
     * Writes the change now and makes sure it moved the aggregate to its next version (a change only in child rows
     * does not), so that the version a caller gets back is the one stored. The loser of a race ends here with a
     * {@link StaleVersionException}, not at commit, so pages and the API can say what happened. The row's own change
     * is written first: a forced increment on an entity with a lazy column loaded (Entry's story) lost the change.
     */
    public void advance(Object aggregate, LongSupplier version) {
        long before = version.getAsLong();
        flush();
        if (version.getAsLong() == before) {
            em.lock(aggregate, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            flush();
        }
    }

    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException failed) {
            for (Throwable t = failed; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof OptimisticLockException) {
                    throw StaleVersionException.raced();
                }
            }
            throw failed;
        }
    }
}
