package app.laurel.judging;

import app.laurel.platform.cluster.Cluster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The round page's figures (ranking, bootstrap, Kendall's W, judges' figures) computed once per change, not per view:
 * a bootstrap of 40,000 entries costs seconds, a view must cost milliseconds. Each result is filed under what it was
 * computed from ({@link Key}); a view with another key computes afresh. The few most recently viewed rounds are kept.
 * <p>
 * On a cluster the key's counts move also when a score commits on another node (the counts are broadcast:
 * {@code CommitCounter}); since a broadcast can be missed, figures are also kept no longer than {@link #CLUSTER_TTL}
 * while other nodes are present. A node alone keeps them until the key changes, as before. The locks below guard this
 * node's cache only: two nodes computing the same figures each compute them once.
 */
@ApplicationScoped
public class RoundFigures {

    private static final int ROUNDS_KEPT = 8;
    /** As long as public pages may be stale when a broadcast is missed (PublicCache). */
    static final Duration CLUSTER_TTL = Duration.ofSeconds(60);

    /**
     * What the figures depend on: the round's own version (rules, cut settlement, status), the committed changes to
     * its submitted scores and to entries (an entry withdrawn leaves the ranking). The panel is not in it: it changes
     * only while the round is set up ({@code Round.update}), and a round being set up is never filed.
     */
    record Key(long roundVersion, long scoreChanges, long entryChanges) {
    }

    private record Filed(Key key, RoundResult result, long filedAt) {

        boolean serves(Key wanted, boolean alone, long now) {
            return key.equals(wanted) && (alone || now - filedAt < CLUSTER_TTL.toNanos());
        }
    }

    @Inject
    private Cluster cluster;

    /** Nanoseconds, for the time to live; the tests move it. */
    LongSupplier nanos = System::nanoTime;

    private final Map<Long, Filed> filed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Filed> eldest) {
            return size() > ROUNDS_KEPT;
        }
    };

    private final Map<Long, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

    /** The figures filed for {@code key}, or computed now (once, however many views ask at the same moment). */
    RoundResult get(long roundId, Key key, Supplier<RoundResult> compute) {
        synchronized (locks.computeIfAbsent(roundId, k -> new Object())) {
            Filed found;
            synchronized (filed) {
                found = filed.get(roundId);
            }
            if (found != null && found.serves(key, cluster.alone(), nanos.getAsLong())) {
                return found.result();
            }
            long started = nanos.getAsLong();
            RoundResult result = compute.get();
            synchronized (filed) {
                filed.put(roundId, new Filed(key, result, started));
            }
            return result;
        }
    }
}
