package app.laurel.platform.cache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One rendering of a key at a time. When a cached page expires under a crowd, all 64 connections miss at once;
 * without this each renders the same page, the renders share two cores and every one of them is slow (the
 * profile under wrk showed Faces and EclipseLink again after the cache, and p99s of seconds). The first caller
 * renders; the others wait for its result and send that.
 */
public final class OneAtATime<T> {

    private final ConcurrentHashMap<String, CompletableFuture<T>> running = new ConcurrentHashMap<>();

    /** Null if the caller is to produce the value (and then must call {@link #finish}); else the producer's future. */
    public CompletableFuture<T> claim(String key) {
        return running.putIfAbsent(key, new CompletableFuture<>());
    }

    /** The producer's result, given to those who wait: null if it produced nothing that may be shared. */
    public void finish(String key, T value) {
        CompletableFuture<T> mine = running.remove(key);
        if (mine != null) {
            mine.complete(value);
        }
    }

    /** What the producer made, or null if it made nothing shareable, failed or took longer than {@code patience}. */
    public static <T> T await(CompletableFuture<T> producer, Duration patience) {
        try {
            return producer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }
}
