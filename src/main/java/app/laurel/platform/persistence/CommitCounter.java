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
import java.util.function.Consumer;

/**
 * How many committed transactions have changed an entity class, for caches of figures that are expensive to compute
 * and change only when those rows do (a round's ranking and its bootstrap). An entity opts in with
 * {@code @EntityListeners(CommitCounter.class)}. The count moves after the commit, never at the flush: a reader that
 * reads the count before its own first statement can then never file figures computed from older rows under a newer
 * count. Bulk JPQL or native updates bypass listeners and must call {@link #changed} themselves.
 * <p>
 * Each node counts for itself, and a count that moves here is announced to the other nodes of a cluster
 * ({@link CommitBroadcast}), which move theirs: a score committed on one node then makes the other compute the
 * round's figures afresh too. The counts of two nodes differ (each counts from its own start); only their movement
 * matters. An announcement arrives a few milliseconds after the commit, or not at all when the grid is in trouble, so
 * what caches by these counts keeps a time to live on a cluster.
 */
public class CommitCounter {

    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    private static final Consumer<String> NOBODY = key -> {
    };
    private static volatile Consumer<String> announce = NOBODY;
    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";
    private static volatile TransactionSynchronizationRegistry registry;

    /** The number of committed changes to {@code subject} (an entity class, or a key of the caller's) since start-up. */
    public static long of(Object subject) {
        return COUNTS.computeIfAbsent(key(subject), k -> new AtomicLong()).get();
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
        String key = key(subject);
        heard(key);
        announce.accept(key);
    }

    /** A change counted on another node (by its {@link #key}): counted here too, and not announced again. */
    static void heard(String key) {
        COUNTS.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /** Who hears of every count that moves on this node (the other nodes); nobody when {@code to} is null. */
    static void announceTo(Consumer<String> to) {
        announce = to == null ? NOBODY : to;
    }

    /** The same subject on every node: an entity class by its name, any other key by its text. */
    static String key(Object subject) {
        return subject instanceof Class<?> type ? type.getName() : String.valueOf(subject);
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
