package app.laurel.publication;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each certificate batch has got, in memory: a batch is minutes of work at most and is simply started
 * again after a restart, so there is nothing to persist.
 */
@ApplicationScoped
public class BatchProgress {

    /** Done of total, and whether the ZIP is ready or the batch failed. */
    public record State(int done, int total, boolean ready, boolean failed) {
        public int percent() {
            return total == 0 ? 100 : done * 100 / total;
        }
    }

    private final Map<String, State> jobs = new ConcurrentHashMap<>();

    void begin(String jobId, int total) {
        jobs.put(jobId, new State(0, total, false, false));
    }

    void advance(String jobId, int done) {
        jobs.computeIfPresent(jobId, (id, s) -> new State(done, s.total(), false, false));
    }

    void finish(String jobId) {
        jobs.computeIfPresent(jobId, (id, s) -> new State(s.total(), s.total(), true, false));
    }

    void fail(String jobId) {
        jobs.computeIfPresent(jobId, (id, s) -> new State(s.done(), s.total(), false, true));
    }

    public State state(String jobId) {
        return jobId == null ? null : jobs.get(jobId);
    }
}
