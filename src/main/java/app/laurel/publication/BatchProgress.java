package app.laurel.publication;

import app.laurel.storage.FileStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each certificate batch has got, in memory: a batch is minutes of work at most and is simply started
 * again after a restart, so there is nothing to persist.
 * <p>
 * On a cluster the batch runs, and its progress is known, on the node that started it: the organiser's page polls
 * with its session, which the load balancer keeps on that node. Another node (an API client without a session, or
 * the page after its node died) knows a batch only once it is finished, by its ZIP in the shared storage; a batch
 * whose node died is not found anywhere and is simply started again: it only reads certificates already issued.
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

    @Inject
    private FileStore store;

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
        if (jobId == null) {
            return null;
        }
        State here = jobs.get(jobId);
        return here != null || !finishedElsewhere(jobId) ? here : new State(0, 0, true, false);
    }

    private boolean finishedElsewhere(String jobId) {
        try {
            return Files.isRegularFile(store.batch(jobId));
        } catch (IOException | IllegalArgumentException notABatch) {
            return false;
        }
    }
}
