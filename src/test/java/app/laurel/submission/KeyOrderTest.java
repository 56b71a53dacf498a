package app.laurel.submission;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class KeyOrderTest {

    @Test
    void everyRowComesOnceInTheOrderOfThePrimaryKey() {
        Random random = new Random(7);
        int entries = 300;
        long[] ids = new long[entries];
        long[][] lists = new long[entries][];
        List<long[]> expected = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            ids[i] = 1_000 + i * 3L;
            TreeSet<Long> prints = new TreeSet<>();
            int size = i % 17 == 0 ? 0 : random.nextInt(60);
            while (prints.size() < size) {
                // Few distinct values, negative ones among them, so that many entries share a fingerprint.
                prints.add((long) random.nextInt(400) - 200 + (random.nextBoolean() ? Long.MIN_VALUE / 2 : 0));
            }
            lists[i] = prints.stream().mapToLong(Long::longValue).toArray();
            for (long f : lists[i]) {
                expected.add(new long[]{f, ids[i]});
            }
        }
        expected.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));

        KeyOrder order = new KeyOrder(ids, lists);
        List<long[]> merged = new ArrayList<>();
        for (; order.hasNext(); order.advance()) {
            merged.add(new long[]{order.fingerprint(), order.entry()});
        }

        assertEquals(expected.size(), merged.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], merged.get(i)[0], "fingerprint of row " + i);
            assertEquals(expected.get(i)[1], merged.get(i)[1], "entry of row " + i);
        }
    }

    @Test
    void noListsNoRows() {
        assertFalse(new KeyOrder(new long[]{1, 2}, new long[][]{{}, {}}).hasNext());
    }
}
