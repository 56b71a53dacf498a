package app.laurel.platform.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.Message;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The other Laurel nodes, as Payara Micro's Data Grid (Hazelcast) knows them: who {@link #leads} the work that must
 * happen once, and a {@link #broadcast} that tells the others something changed here (a public page, a round's
 * scores). One node alone (every test run, {@code --nocluster}, a survivor) leads and broadcasts to nobody.
 * <p>
 * Nothing here may fail a person's request: the grid is asked locally (its member list is a local copy), a broadcast
 * is sent without waiting, and any error is logged and treated as "alone, nobody heard". Whatever listens to a
 * broadcast keeps a short time to live as its safety net, since a topic is not a reliable channel: a node that was
 * away misses what was said meanwhile. Messages are plain strings ({@code channel}, newline, {@code payload}) so
 * that no Laurel class needs to be visible to Hazelcast's class loader on the receiving node.
 */
@ApplicationScoped
public class Cluster {

    /** Where Payara binds its Hazelcast instance (also when started with {@code --nocluster}: a grid of one). */
    static final String JNDI_NAME = "payara/Hazelcast";
    static final String TOPIC = "laurel.cluster";
    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    /** Null in the unit tests, which build a Cluster by hand. */
    @Inject
    private Membership membership;

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private volatile HazelcastInstance grid;
    private volatile UUID subscription;

    /** Connects at start-up, so that a broadcast sent before the first request on this node is heard. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        LOG.fine(() -> "cluster: " + describe());
    }

    @PostConstruct
    void connect() {
        connect(lookup());
    }

    /** Joins {@code found} (null: no grid, a node alone). Package-private for the tests, which bring their own grid. */
    void connect(HazelcastInstance found) {
        grid = found;
        if (found == null) {
            return;
        }
        try {
            subscription = found.<String>getTopic(TOPIC).addMessageListener(this::received);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot listen to the other nodes; caches rely on their time to live", e);
        }
    }

    /** The grid outlives this application (a redeploy): it must not keep calling into the old one. */
    @PreDestroy
    void disconnect() {
        HazelcastInstance found = grid;
        UUID id = subscription;
        if (found != null && id != null) {
            try {
                found.<String>getTopic(TOPIC).removeMessageListener(id);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Grid already gone at shutdown", e);
            }
        }
        grid = null;
    }

    private static HazelcastInstance lookup() {
        try {
            return (HazelcastInstance) new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException | RuntimeException | LinkageError absent) {
            // No grid (started with --nohazelcast, or outside Payara): this node is alone.
            LOG.info(() -> "No Data Grid (" + absent + "): this node runs alone and leads all background work");
            return null;
        }
    }

    /**
     * True on the node that runs the work that must happen once (the oldest member, the same on every node, and the
     * next oldest takes over by itself when it leaves); true on a node alone. False when the grid is in trouble: the
     * work then waits for the next tick instead of perhaps running twice. False on a node outside the serving
     * cluster ({@link Membership}): it leads a grid of its own, but the others already run that work.
     */
    public boolean leads() {
        if (membership != null && membership.outside()) {
            return false;
        }
        HazelcastInstance found = grid;
        if (found == null) {
            return true;
        }
        try {
            return leads(found.getCluster().getMembers());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot tell which node leads; background work skips this turn", e);
            return false;
        }
    }

    /** Hazelcast lists the members in the same order on every member, the oldest first. */
    static boolean leads(Set<Member> members) {
        return members.isEmpty() || members.iterator().next().localMember();
    }

    /** The members of the cluster this node sees, itself included (1 for a node alone, and without a grid). */
    public int members() {
        HazelcastInstance found = grid;
        if (found == null) {
            return 1;
        }
        try {
            return found.getCluster().getMembers().size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** True when no other node can have served anything this node caches: no grid, or a grid of one. */
    public boolean alone() {
        return members() == 1;
    }

    /** Whether this node found Payara's Data Grid at all (false: started without Hazelcast, or outside Payara). */
    public boolean connected() {
        return grid != null;
    }

    /** Whether the grid this node joined is running (true without one: nothing to be broken). */
    public boolean running() {
        HazelcastInstance found = grid;
        try {
            return found == null || found.getLifecycleService().isRunning();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Tells the OTHER nodes' listeners of {@code channel}; not this node's (the caller has done its part here). Sent
     * without waiting and never failing: a node that misses it falls back on its time to live.
     */
    public void broadcast(String channel, String payload) {
        HazelcastInstance found = grid;
        if (found == null) {
            return;
        }
        try {
            found.<String>getTopic(TOPIC).publishAsync(channel + "\n" + payload);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell the other nodes of " + channel + "; they rely on its time to live", e);
        }
    }

    /** Calls {@code listener} with the payload of every broadcast on {@code channel} from another node. */
    public void listen(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    private void received(Message<String> message) {
        Member from = message.getPublishingMember();
        if (from != null && from.localMember()) {
            return;
        }
        String text = message.getMessageObject();
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return;
        }
        deliver(text.substring(0, newline), text.substring(newline + 1));
    }

    /** Hands a payload to this node's listeners of {@code channel}; one listener failing does not stop the others. */
    void deliver(String channel, String payload) {
        for (Consumer<String> listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.accept(payload);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener of " + channel + " failed", e);
            }
        }
    }

    /**
     * This node as the grid sees it: its member id, its grid address and the ids of every member it sees (itself
     * included, the oldest first); empty without a grid or while the grid cannot answer. What {@link Membership}
     * writes to the database so that the nodes can find one that is alive but not among them.
     */
    public Optional<Seen> seen() {
        HazelcastInstance found = grid;
        if (found == null) {
            return Optional.empty();
        }
        try {
            Member local = found.getCluster().getLocalMember();
            List<String> members = found.getCluster().getMembers().stream().map(m -> m.getUuid().toString()).toList();
            return Optional.of(new Seen(local.getUuid().toString(), local.getAddress().toString(), members));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Grid cannot list its members now", e);
            return Optional.empty();
        }
    }

    /** A node's member id, its grid address (host:port, unique among running nodes) and the members it sees. */
    public record Seen(String member, String address, List<String> members) {
    }

    /** For the readiness check and the log: how many members, and whether this one leads. */
    public String describe() {
        return members() + " member(s), " + (leads() ? "leading" : "following");
    }
}
