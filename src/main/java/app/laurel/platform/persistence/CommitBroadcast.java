package app.laurel.platform.persistence;

import app.laurel.platform.cluster.Cluster;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Ties {@link CommitCounter}, which entities call without injection, to the other nodes: a count that moves here is
 * broadcast, and one that moved elsewhere is counted here. Wired at start-up, before any request can count.
 */
@ApplicationScoped
public class CommitBroadcast {

    static final String CHANNEL = "commits";

    @Inject
    private Cluster cluster;

    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        cluster.listen(CHANNEL, CommitCounter::heard);
        CommitCounter.announceTo(key -> cluster.broadcast(CHANNEL, key));
    }

    /** At shutdown the counter stops announcing: the grid may already be leaving. */
    @PreDestroy
    void stopped() {
        CommitCounter.announceTo(null);
    }
}
