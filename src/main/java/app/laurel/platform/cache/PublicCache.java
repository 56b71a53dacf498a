package app.laurel.platform.cache;

import app.laurel.platform.cluster.Cluster;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * What the public reads, kept in memory: a notice, the column, a verification, a contest page change a few times a
 * day but are read by thousands. Every change that a public page shows calls {@link #changed} (the features observe
 * their own events after the change's commit), which empties the whole cache: changes are rare, so exactness beats
 * working out which pages one change touches. Entries also expire after {@link #TIME_TO_LIVE}, the safety net for
 * a change that told nobody (and for what depends on the clock, such as a notice's 公示中 → 已结束).
 * <p>
 * A reader that began before a change must not store what it read after the change emptied the cache: each value
 * is stored under the generation it was read in ({@link #generation()}), and a change starts a new generation, so
 * such a late value lands where nobody looks and expires.
 * <p>
 * On a cluster (issue 16) each node has its own cache, and a change committed on one node is broadcast to the others
 * ({@link Cluster#broadcast}), which start a new generation too, without broadcasting it again. The broadcast is
 * best-effort: a node that misses it shows the old page until {@link #TIME_TO_LIVE} runs out.
 */
@ApplicationScoped
public class PublicCache {

    /** Short enough that a change nobody announced shows within a minute; long enough to spare thousands of renders. */
    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(PublicCache.class.getName());

    static final String CHANNEL = "public-cache";

    @Inject
    private Cluster cluster;

    private final AtomicLong generation = new AtomicLong();
    private final Cache<String, Sized> entries = Caffeine.newBuilder()
            .expireAfterWrite(TIME_TO_LIVE)
            .maximumWeight(MAX_BYTES)
            .weigher((String key, Sized value) -> value.bytes())
            .build();

    /** What is stored must say how big it is, so that the cache stays within its memory. */
    public interface Sized {
        int bytes();
    }

    /** The current generation: read it before reading the data, and store with it. */
    public long generation() {
        return generation.get();
    }

    public <T extends Sized> Optional<T> find(String key, Class<T> type) {
        Sized value = entries.getIfPresent(generation.get() + "|" + key);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    /** Stores a value read in {@code readIn}; one read before the latest change is dropped. */
    public void put(String key, long readIn, Sized value) {
        if (readIn == generation.get()) {
            entries.put(readIn + "|" + key, value);
        }
    }

    /** Forgets one entry (of the current generation). */
    public void forget(String key) {
        entries.invalidate(generation.get() + "|" + key);
    }

    @PostConstruct
    void listen() {
        cluster.listen(CHANNEL, what -> empty("on another node: " + what));
    }

    /** Something the public sees has changed (and is committed): everything cached here and on the others is forgotten. */
    public void changed(String what) {
        empty(what);
        cluster.broadcast(CHANNEL, what);
    }

    private void empty(String what) {
        generation.incrementAndGet();
        entries.invalidateAll();
        LOG.fine(() -> "public cache emptied: " + what);
    }
}
