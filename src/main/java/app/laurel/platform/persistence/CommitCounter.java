package app.laurel.platform.persistence;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many committed transactions have changed an entity class, for caches of figures that are expensive to compute
 * and change only when those rows do (a round's ranking and its bootstrap). An entity opts in with
 * {@code @EntityListeners(CommitCounter.class)}. The count moves after the commit, never at the flush: a reader that
 * reads the count before its own first statement can then never file figures computed from older rows under a newer
 * count. Bulk JPQL or native updates bypass listeners and must call {@link #changed} themselves. One JVM, one count:
 * Laurel runs as one Payara Micro instance.
 */
public class CommitCounter {

    private static final Map<Object, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";
    private static volatile TransactionSynchronizationRegistry registry;

    /** The number of committed changes to {@code subject} (an entity class, or a key of the caller's) since start-up. */
    public static long of(Object subject) {
        return COUNTS.computeIfAbsent(subject, k -> new AtomicLong()).get();
    }

    /** Counts a change to {@code subject} once the running transaction commits (at once when none runs). */
    public static void changed(Object subject) {
        TransactionSynchronizationRegistry registry = registry();
        if (registry == null || registry.getTransactionKey() == null) {
            bump(subject);
            return;
        }
        Object key = "laurel.commitCounter." + subject;
        if (registry.getResource(key) != null) {
            return;
        }
        registry.putResource(key, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    bump(subject);
                }
            }
        });
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void entityChanged(Object entity) {
        changed(entity.getClass());
    }

    private static void bump(Object subject) {
        COUNTS.computeIfAbsent(subject, k -> new AtomicLong()).incrementAndGet();
    }

    /** The container's registry, looked up once: a bulk decision on 40,000 entries calls this 40,000 times. */
    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry found = registry;
        if (found == null) {
            try {
                found = (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY);
                registry = found;
            } catch (NamingException | RuntimeException outsideTheContainer) {
                return null;
            }
        }
        return found;
    }
}
