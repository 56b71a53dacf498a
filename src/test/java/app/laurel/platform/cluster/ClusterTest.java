package app.laurel.platform.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which node runs the once-only work, and who hears a broadcast: Laurel's side, against a stand-in grid. */
class ClusterTest {

    @Test
    void aNodeWithoutAGridLeadsIsAloneAndTellsNobody() {
        Cluster cluster = new Cluster();
        cluster.connect(null);
        List<String> heard = new ArrayList<>();
        cluster.listen("x", heard::add);

        cluster.broadcast("x", "changed");

        assertTrue(cluster.leads());
        assertTrue(cluster.alone());
        assertTrue(cluster.running());
        assertFalse(cluster.connected());
        assertEquals(List.of(), heard, "nothing reaches this node's own listeners");
    }

    @Test
    void theOldestMemberLeadsAndTheNextTakesOverWhenItLeaves() {
        FakeGrid grid = new FakeGrid();
        Cluster cluster = grid.cluster();
        assertTrue(cluster.leads(), "alone in its grid of one (--nocluster)");

        grid.members.add(grid.other);
        assertTrue(cluster.leads(), "this node joined first");
        assertFalse(cluster.alone());
        assertEquals(2, cluster.members());

        grid.members.remove(grid.local);
        grid.members.add(grid.local);
        assertFalse(cluster.leads(), "the other node is older");

        grid.members.remove(grid.other);
        assertTrue(cluster.leads(), "the older node left");
    }

    @Test
    void aGridInTroubleLeadsNothingAndFailsNoRequest() {
        FakeGrid grid = new FakeGrid();
        Cluster cluster = grid.cluster();
        grid.failure = new IllegalStateException("Hazelcast instance is not active!");

        assertFalse(cluster.leads(), "the work waits for the next tick rather than perhaps running twice");
        cluster.broadcast("x", "changed");
        assertFalse(cluster.running());
        assertFalse(cluster.alone(), "a cache keeps its time to live while the grid cannot say who else is there");
    }

    @Test
    void aBroadcastReachesTheOtherNodesListenersOfItsChannelOnly() {
        FakeGrid grid = new FakeGrid();
        Cluster cluster = grid.cluster();
        List<String> heard = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        cluster.listen("public-cache", heard::add);
        cluster.listen("public-cache", payload -> {
            throw new IllegalStateException("a broken listener");
        });
        cluster.listen("commits", elsewhere::add);

        cluster.broadcast("public-cache", "notice 7");
        assertEquals(List.of("public-cache\nnotice 7"), grid.published);

        grid.fromSelf("public-cache", "notice 7");
        assertEquals(List.of(), heard, "the sender already did its part");

        grid.fromOther("public-cache", "notice 8\nwith a second line");
        assertEquals(List.of("notice 8\nwith a second line"), heard, "one listener failing does not stop the others");
        assertEquals(List.of(), elsewhere);
    }

    @Test
    void anUndeployedApplicationStopsListening() {
        FakeGrid grid = new FakeGrid();
        Cluster cluster = grid.cluster();
        cluster.disconnect();
        assertTrue(grid.listenerRemoved());
        assertTrue(cluster.leads(), "without its grid the node counts as alone");
    }
}
