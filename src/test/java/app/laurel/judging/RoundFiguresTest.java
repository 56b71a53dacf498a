package app.laurel.judging;

import app.laurel.platform.cluster.FakeGrid;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A round's figures are computed once per change of what they depend on; on a cluster, where the news of a score
 * committed on another node can be missed, they are also kept no longer than a minute. A node alone is unchanged.
 */
class RoundFiguresTest {

    private final FakeGrid grid = new FakeGrid();
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger computed = new AtomicInteger();
    private final RoundFigures.Key key = new RoundFigures.Key(3, 10, 4);

    @Test
    void aNodeAloneKeepsTheFiguresUntilTheirKeyChanges() throws Exception {
        RoundFigures figures = figures();
        view(figures, key);
        now.addAndGet(TimeUnit.MINUTES.toNanos(30));
        view(figures, key);
        assertEquals(1, computed.get());

        view(figures, new RoundFigures.Key(3, 11, 4));
        assertEquals(2, computed.get(), "a score was committed");
    }

    @Test
    void withAnotherNodeTheFiguresAreComputedAfreshAfterAMinute() throws Exception {
        grid.members.add(grid.other);
        RoundFigures figures = figures();
        view(figures, key);
        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        view(figures, key);
        assertEquals(1, computed.get(), "within the minute the filed figures serve");

        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        view(figures, key);
        assertEquals(2, computed.get(), "a score committed on the other node, its news lost, shows within a minute");
    }

    private void view(RoundFigures figures, RoundFigures.Key key) {
        figures.get(42, key, () -> {
            computed.incrementAndGet();
            return null;
        });
    }

    private RoundFigures figures() throws Exception {
        RoundFigures figures = new RoundFigures();
        Field cluster = RoundFigures.class.getDeclaredField("cluster");
        cluster.setAccessible(true);
        cluster.set(figures, grid.cluster());
        figures.nanos = now::get;
        return figures;
    }
}
