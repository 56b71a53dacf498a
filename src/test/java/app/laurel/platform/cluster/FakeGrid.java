package app.laurel.platform.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.MessageListener;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Just enough of a Hazelcast instance to test Laurel's side of the cluster without starting one: the member list
 * (oldest first, as Hazelcast keeps it), what was published on the topic, and the listener Laurel registered, to
 * which a test hands messages as if another node had sent them.
 */
public final class FakeGrid {

    public final Member local = member(true);
    public final Member other = member(false);
    public final List<Member> members = new ArrayList<>(List.of(local));
    public final List<String> published = new ArrayList<>();
    public RuntimeException failure;
    private MessageListener<String> listener;
    private boolean removed;

    /** A Cluster bean connected to this grid, as Payara's JNDI lookup would connect it. */
    public Cluster cluster() {
        Cluster cluster = new Cluster();
        cluster.connect(instance());
        return cluster;
    }

    /** A broadcast from another node, as the topic delivers it. */
    public void fromOther(String channel, String payload) {
        listener.onMessage(new Message<>(Cluster.TOPIC, channel + "\n" + payload, 0, other));
    }

    /** Laurel's own broadcast coming back, as the topic delivers it to every subscriber. */
    public void fromSelf(String channel, String payload) {
        listener.onMessage(new Message<>(Cluster.TOPIC, channel + "\n" + payload, 0, local));
    }

    boolean listenerRemoved() {
        return removed;
    }

    @SuppressWarnings("unchecked")
    HazelcastInstance instance() {
        Object topic = proxy(com.hazelcast.topic.ITopic.class, (method, args) -> switch (method) {
            case "publishAsync" -> {
                fail();
                published.add((String) args[0]);
                yield CompletableFuture.completedFuture(null);
            }
            case "addMessageListener" -> {
                listener = (MessageListener<String>) args[0];
                yield UUID.randomUUID();
            }
            case "removeMessageListener" -> removed = true;
            default -> throw new UnsupportedOperationException(method);
        });
        Object cluster = proxy(com.hazelcast.cluster.Cluster.class, (method, args) -> {
            fail();
            Set<Member> list = new LinkedHashSet<>(members);
            return list;
        });
        Object lifecycle = proxy(com.hazelcast.core.LifecycleService.class, (method, args) -> failure == null);
        return proxy(HazelcastInstance.class, (method, args) -> switch (method) {
            case "getTopic" -> topic;
            case "getCluster" -> cluster;
            case "getLifecycleService" -> lifecycle;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }

    private static Member member(boolean local) {
        return proxy(Member.class, (method, args) -> switch (method) {
            case "localMember" -> local;
            case "hashCode" -> System.identityHashCode(local);
            case "toString" -> local ? "this node" : "the other node";
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(FakeGrid.class.getClassLoader(), new Class<?>[]{type},
                (self, method, args) -> "equals".equals(method.getName()) ? self == args[0] : answer.answer(method.getName(), args));
    }
}
