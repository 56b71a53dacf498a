package app.laurel.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Whether this node is inside the cluster that should serve, as {@link Heartbeats} last judged it: read by the
 * readiness check and by {@code OutsideClusterFilter} on every request, so it is a field, never a query.
 * <p>
 * The first judgement counts at once (a node that could not join must not serve its first seconds); after that a node
 * is put outside only when two heartbeats in a row find a stronger rival, since a grid that is merging after a short
 * network fault lists its members differently for a moment. Coming back inside takes one heartbeat.
 */
@ApplicationScoped
public class Membership {

    private static final Logger LOG = Logger.getLogger(Membership.class.getName());

    private volatile Heartbeat outsideBecause;
    private Heartbeat suspected;

    /** What the heartbeat found: the rival this node yields to, or empty when this node's side serves. */
    synchronized void judged(Optional<Heartbeat> rival, boolean first) {
        Heartbeat found = rival.orElse(null);
        if (found == null) {
            if (outsideBecause != null) {
                LOG.info("This node is inside the serving cluster again; it takes traffic");
            }
            outsideBecause = null;
            suspected = null;
        } else if (first || suspected != null || outsideBecause != null) {
            if (outsideBecause == null) {
                LOG.warning(() -> "This node is outside the cluster that serves (" + describe(found)
                        + "): it reports not ready and answers 503 until it joins");
            }
            outsideBecause = found;
        } else {
            suspected = found;
        }
    }

    /** True while another side of the cluster should serve instead of this node. */
    public boolean outside() {
        return outsideBecause != null;
    }

    /** The rival side this node yields to, for the readiness check. */
    public Optional<String> rival() {
        return Optional.ofNullable(outsideBecause).map(Membership::describe);
    }

    private static String describe(Heartbeat rival) {
        return rival.address() + " with " + rival.side() + " member(s)";
    }
}
