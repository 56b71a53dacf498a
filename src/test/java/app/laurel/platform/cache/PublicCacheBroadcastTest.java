package app.laurel.platform.cache;

import app.laurel.platform.cluster.Cluster;
import app.laurel.platform.cluster.FakeGrid;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A change on one node empties the public cache on the others, and the others do not echo it back. */
class PublicCacheBroadcastTest {

    private record Page(String html) implements PublicCache.Sized {
        @Override
        public int bytes() {
            return html.length();
        }
    }

    @Test
    void aChangeHereIsToldToTheOthersAndOneThereEmptiesThisCacheWithoutAnEcho() throws Exception {
        FakeGrid grid = new FakeGrid();
        PublicCache cache = cacheOn(grid.cluster());

        long first = cache.generation();
        cache.put("notice:7", first, new Page("<p>old</p>"));
        cache.changed("notice 7 corrected");
        assertEquals(List.of(PublicCache.CHANNEL + "\nnotice 7 corrected"), grid.published);
        assertTrue(cache.find("notice:7", Page.class).isEmpty());

        long second = cache.generation();
        cache.put("notice:7", second, new Page("<p>new</p>"));
        grid.fromOther(PublicCache.CHANNEL, "notice 7 corrected again");
        assertTrue(cache.find("notice:7", Page.class).isEmpty(), "emptied by the other node's change");
        assertTrue(cache.generation() > second, "a reader that began before it cannot store what it read");
        assertEquals(1, grid.published.size(), "a change heard from another node is not broadcast again");
    }

    private static PublicCache cacheOn(Cluster cluster) throws Exception {
        PublicCache cache = new PublicCache();
        var field = PublicCache.class.getDeclaredField("cluster");
        field.setAccessible(true);
        field.set(cache, cluster);
        cache.listen();
        return cache;
    }
}
