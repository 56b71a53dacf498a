package app.laurel.judging;

import app.laurel.platform.error.LaurelException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BALANCED assignment of a provincial round (40,000 entries, 9 of 300 judges each, some judges belonging to the
 * entries' units, some conflicts recorded): every entry exactly its judges, never a conflicted one, loads within one.
 */
class BalancedAssignmentTest {

    private static long[] ids(int entries) {
        return LongStream.rangeClosed(1, entries).toArray();
    }

    /** 120 units; judges 0-29 each belong to one (so they may not score its entries); 1 % of entries a recorded conflict. */
    private static int[][] provincialConflicts(int entries, Random random) {
        int[][] excluded = new int[entries][];
        for (int e = 0; e < entries; e++) {
            int unit = e % 120;
            int[] own = unit < 30 ? new int[] {unit} : new int[0];
            excluded[e] = random.nextInt(100) == 0 ? append(own, 30 + random.nextInt(270)) : own;
        }
        return excluded;
    }

    private static int[] append(int[] values, int value) {
        int[] more = Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        return more;
    }

    /** Every entry has {@code k} different judges of the panel, none excluded from it; returns the loads. */
    private static int[] checkedLoads(int[][] chosen, int[][] excluded, int judges, int k) {
        int[] load = new int[judges];
        boolean[] seen = new boolean[judges];
        for (int e = 0; e < chosen.length; e++) {
            assertEquals(k, chosen[e].length, "entry " + e);
            for (int j : chosen[e]) {
                assertTrue(j >= 0 && j < judges && !seen[j], "different judges of the panel on entry " + e);
                seen[j] = true;
                for (int x : excluded[e]) {
                    assertTrue(x != j, "judge " + j + " is conflicted on entry " + e);
                }
                load[j]++;
            }
            for (int j : chosen[e]) {
                seen[j] = false;
            }
        }
        return load;
    }

    @Test
    void aProvincialRoundGivesEveryEntryNineJudgesNoneConflictedAndLoadsWithinOne() {
        int[][] excluded = provincialConflicts(40_000, new Random(1));
        int[][] chosen = PanelAssignment.balanced(ids(40_000), 300, 9, excluded, 42);
        int[] load = checkedLoads(chosen, excluded, 300, 9);
        assertEquals(360_000, Arrays.stream(load).sum());
        assertTrue(Arrays.stream(load).max().getAsInt() - Arrays.stream(load).min().getAsInt() <= 1,
                "loads from " + Arrays.stream(load).min().getAsInt() + " to " + Arrays.stream(load).max().getAsInt());
    }

    @Test
    void theSameSeedGivesTheSameAssignmentAndAnotherSeedAnother() {
        int[][] excluded = provincialConflicts(2_000, new Random(2));
        int[][] once = PanelAssignment.balanced(ids(2_000), 60, 5, excluded, 7);
        int[][] again = PanelAssignment.balanced(ids(2_000), 60, 5, excluded, 7);
        int[][] other = PanelAssignment.balanced(ids(2_000), 60, 5, excluded, 8);
        for (int e = 0; e < once.length; e++) {
            assertArrayEquals(once[e], again[e]);
        }
        assertFalse(Arrays.deepEquals(once, other));
    }

    @Test
    void manySmallPanelsWithScatteredConflictsKeepEveryInvariant() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int judges = 3 + random.nextInt(10);
            int k = 1 + random.nextInt(judges - 1);
            int entries = 1 + random.nextInt(80);
            int[][] excluded = new int[entries][];
            for (int e = 0; e < entries; e++) {
                // At most one judge out per entry, and only when enough are left.
                excluded[e] = judges - 1 >= k && random.nextInt(4) == 0 ? new int[] {random.nextInt(judges)} : new int[0];
            }
            int[] load = checkedLoads(PanelAssignment.balanced(ids(entries), judges, k, excluded, round), excluded, judges, k);
            assertTrue(Arrays.stream(load).max().getAsInt() - Arrays.stream(load).min().getAsInt() <= 1,
                    "round " + round + ": " + judges + " judges, " + k + " per entry, loads " + Arrays.toString(load));
        }
    }

    @Test
    void conflictsThatForbidBalanceStillCoverEveryEntryAsEvenlyAsTheyAllow() {
        // Judge 2 may score only entry 0: it gets that one, the other five are shared three and two.
        int[][] excluded = {{}, {2}, {2}, {2}, {2}, {2}};
        int[][] chosen = PanelAssignment.balanced(ids(6), 3, 1, excluded, 0);
        int[] load = checkedLoads(chosen, excluded, 3, 1);
        assertEquals(1, load[2]);
        assertEquals(1, Math.abs(load[0] - load[1]));
    }

    @Test
    void anEntryWithTooFewEligibleJudgesIsRefusedByName() {
        int[][] excluded = {{}, {0, 1, 2}, {}};
        LaurelException refused = assertThrows(LaurelException.class,
                () -> PanelAssignment.balanced(new long[] {11, 12, 13}, 5, 3, excluded, 0));
        assertEquals("judging.assign.tooFewJudges", refused.messageKey());
        assertEquals(12L, refused.args()[0]);
        // The same judge listed twice (own unit and a recorded conflict) is one judge fewer, not two.
        int[][] twice = {{0, 0}, {}, {}};
        checkedLoads(PanelAssignment.balanced(new long[] {11, 12, 13}, 4, 3, twice, 0), twice, 4, 3);
        assertEquals("judging.assign.perEntry", assertThrows(LaurelException.class,
                () -> PanelAssignment.balanced(ids(1), 2, 3, new int[][] {{}}, 0)).messageKey());
    }
}
