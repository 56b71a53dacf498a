package app.laurel.platform.persistence;

import app.laurel.platform.cluster.FakeGrid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A round's figures are cached by counts of committed changes; on a cluster a score committed on one node must move
 * the count on the others too, or they go on serving the figures without it.
 */
class CommitCounterBroadcastTest {

    @AfterEach
    void stopAnnouncing() {
        CommitCounter.announceTo(null);
    }

    @Test
    void aCountMovedHereIsAnnouncedAndOneMovedThereIsCountedHereWithoutAnEcho() throws Exception {
        FakeGrid grid = new FakeGrid();
        CommitBroadcast broadcast = new CommitBroadcast();
        Field cluster = CommitBroadcast.class.getDeclaredField("cluster");
        cluster.setAccessible(true);
        cluster.set(broadcast, grid.cluster());
        broadcast.started(null);
        String scores = "scores:round:" + System.nanoTime();

        // Outside a transaction the count moves at once (inside one, after its commit).
        CommitCounter.changed(scores);
        assertEquals(1, CommitCounter.of(scores));
        assertEquals(List.of(CommitBroadcast.CHANNEL + "\n" + scores), grid.published);

        grid.fromOther(CommitBroadcast.CHANNEL, scores);
        assertEquals(2, CommitCounter.of(scores), "a score committed on the other node");
        assertEquals(1, grid.published.size(), "not announced again");

        CommitCounter.changed(CommitCounterBroadcastTest.class);
        assertEquals(CommitBroadcast.CHANNEL + "\n" + CommitCounterBroadcastTest.class.getName(), grid.published.get(1),
                "an entity class travels by its name, the same on every node");

        broadcast.stopped();
        CommitCounter.changed(scores);
        assertEquals(2, grid.published.size(), "after shutdown nothing is announced");
    }
}
