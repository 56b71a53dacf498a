package app.laurel.judging;

import app.laurel.platform.error.LaurelException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Who scores what. ALL: every judge every entry they are not conflicted on. BALANCED: each entry gets
 * {@code perEntry} different judges, always the least loaded eligible ones, so that loads differ by at most one where
 * conflicts allow; entries with the fewest eligible judges are served first so they are not left short, and a last
 * pass moves entries from the busiest judges to the idlest where a conflict had pushed them apart.
 * <p>
 * The work is over indices into the panel, in memory, linear in entries × judges per entry (plus the conflicts):
 * 40,000 entries × 9 of 300 judges take well under a second, where sorting the panel for each entry did not.
 * Ties between equally loaded judges follow the panel order shuffled by a seed, so the same round (its id as the
 * seed) always gets the same assignment.
 */
public final class PanelAssignment {

    private PanelAssignment() {
    }

    /** A judge who must not see or score an entry (回避). */
    public record Excluded(long entryId, String judge) {
    }

    public static Map<Long, List<String>> all(List<Long> entries, List<String> judges, Set<Excluded> conflicts) {
        Map<Long, List<String>> assignment = new LinkedHashMap<>();
        for (long entry : entries) {
            assignment.put(entry, judges.stream().filter(j -> !conflicts.contains(new Excluded(entry, j))).toList());
        }
        return assignment;
    }

    /** {@link #balanced(long[], int, int, int[][], long)} by entry ids and usernames, ties in panel order shuffled by seed 0. */
    public static Map<Long, List<String>> balanced(List<Long> entries, List<String> judges, int perEntry,
                                                   Set<Excluded> conflicts) {
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < judges.size(); j++) {
            index.put(judges.get(j), j);
        }
        Map<Long, List<Integer>> byEntry = new HashMap<>();
        conflicts.stream().filter(c -> index.containsKey(c.judge()))
                .forEach(c -> byEntry.computeIfAbsent(c.entryId(), k -> new ArrayList<>()).add(index.get(c.judge())));
        long[] ids = entries.stream().mapToLong(Long::longValue).toArray();
        int[][] excluded = new int[ids.length][];
        for (int e = 0; e < ids.length; e++) {
            excluded[e] = byEntry.getOrDefault(ids[e], List.of()).stream().mapToInt(Integer::intValue).toArray();
        }
        int[][] chosen = balanced(ids, judges.size(), perEntry, excluded, 0);
        Map<Long, List<String>> assignment = new LinkedHashMap<>();
        for (int e = 0; e < ids.length; e++) {
            assignment.put(ids[e], java.util.Arrays.stream(chosen[e]).mapToObj(judges::get).toList());
        }
        return assignment;
    }

    /** ALL over indices: each entry's judges are the panel less those excluded from it. */
    public static int[][] all(int judges, int[][] excluded) {
        int[][] chosen = new int[excluded.length][];
        boolean[] out = new boolean[judges];
        for (int e = 0; e < excluded.length; e++) {
            mark(out, excluded[e], true);
            int[] row = new int[judges];
            int n = 0;
            for (int j = 0; j < judges; j++) {
                if (!out[j]) {
                    row[n++] = j;
                }
            }
            chosen[e] = java.util.Arrays.copyOf(row, n);
            mark(out, excluded[e], false);
        }
        return chosen;
    }

    /**
     * BALANCED over indices: entry {@code e} (id {@code entryIds[e]}, for messages) may not go to the judges
     * {@code excluded[e]} (indices into a panel of {@code judges}); the result holds, for each entry, its
     * {@code perEntry} judges. Refused when an entry has fewer eligible judges than that.
     */
    public static int[][] balanced(long[] entryIds, int judges, int perEntry, int[][] excluded, long seed) {
        if (perEntry <= 0 || perEntry > judges) {
            throw LaurelException.conflict("judging.assign.perEntry", judges);
        }
        int entries = entryIds.length;
        boolean[] out = new boolean[judges];
        int[] eligible = new int[entries];
        for (int e = 0; e < entries; e++) {
            mark(out, excluded[e], true);
            int n = judges;
            for (int j : excluded[e]) {
                if (j >= 0 && j < judges && out[j]) {
                    out[j] = false; // counted once even when listed twice (own unit and a recorded conflict)
                    n--;
                }
            }
            if (n < perEntry) {
                throw LaurelException.conflict("judging.assign.tooFewJudges", entryIds[e], perEntry);
            }
            eligible[e] = n;
        }
        // The most constrained entries first (a counting sort: stable, so ties stay in the given order).
        int[] start = new int[judges + 2];
        for (int n : eligible) {
            start[n + 1]++;
        }
        for (int n = 1; n < start.length; n++) {
            start[n] += start[n - 1];
        }
        int[] order = new int[entries];
        for (int e = 0; e < entries; e++) {
            order[start[eligible[e]]++] = e;
        }
        Levels levels = new Levels(judges, seed);
        int[][] chosen = new int[entries][];
        for (int e : order) {
            mark(out, excluded[e], true);
            chosen[e] = levels.takeLeastLoaded(perEntry, out);
            mark(out, excluded[e], false);
        }
        rebalance(chosen, excluded, levels.load);
        return chosen;
    }

    /**
     * Judges grouped by load, each group in the order its judges reached that load (the first group in the seeded
     * order): taking the first eligible judges of the lowest groups is taking the least loaded, ties by who waited
     * longest, so the load turns round the panel.
     */
    private static final class Levels {
        private final List<ArrayDeque<Integer>> byLoad = new ArrayList<>();
        private final int[] load;
        private int lowest;

        Levels(int judges, long seed) {
            load = new int[judges];
            List<Integer> first = new ArrayList<>();
            for (int j = 0; j < judges; j++) {
                first.add(j);
            }
            java.util.Collections.shuffle(first, new Random(seed));
            byLoad.add(new ArrayDeque<>(first));
        }

        int[] takeLeastLoaded(int count, boolean[] out) {
            int[] taken = new int[count];
            int n = 0;
            for (int level = lowest; n < count && level < byLoad.size(); level++) {
                for (int j : byLoad.get(level)) {
                    if (!out[j]) {
                        taken[n++] = j;
                        if (n == count) {
                            break;
                        }
                    }
                }
            }
            for (int j : taken) {
                byLoad.get(load[j]).removeFirstOccurrence(j);
                load[j]++;
                if (byLoad.size() == load[j]) {
                    byLoad.add(new ArrayDeque<>());
                }
                byLoad.get(load[j]).addLast(j);
            }
            while (byLoad.get(lowest).isEmpty()) {
                lowest++;
            }
            return taken;
        }
    }

    /**
     * Moves an entry from a busiest judge to an idlest one while their loads differ by more than one and some entry
     * of the busy judge may go to the idle one (not excluded from it, not already theirs). Conflicts can still leave
     * a judge apart when none of the busy judges' entries may go to them: "where conflicts allow".
     */
    private static void rebalance(int[][] chosen, int[][] excluded, int[] load) {
        int judges = load.length;
        List<List<Integer>> entriesOf = new ArrayList<>();
        for (int j = 0; j < judges; j++) {
            entriesOf.add(new ArrayList<>());
        }
        for (int e = 0; e < chosen.length; e++) {
            for (int j : chosen[e]) {
                entriesOf.get(j).add(e);
            }
        }
        boolean moved = true;
        while (moved) {
            moved = false;
            int max = java.util.Arrays.stream(load).max().orElse(0);
            int min = java.util.Arrays.stream(load).min().orElse(0);
            if (max - min <= 1) {
                return;
            }
            search:
            for (int busy = 0; busy < judges; busy++) {
                if (load[busy] != max) {
                    continue;
                }
                for (int idle = 0; idle < judges; idle++) {
                    if (load[idle] != min) {
                        continue;
                    }
                    List<Integer> own = entriesOf.get(busy);
                    for (int i = own.size() - 1; i >= 0; i--) {
                        int e = own.get(i);
                        if (!contains(excluded[e], idle) && !contains(chosen[e], idle)) {
                            chosen[e][indexOf(chosen[e], busy)] = idle;
                            own.remove(i);
                            entriesOf.get(idle).add(e);
                            load[busy]--;
                            load[idle]++;
                            moved = true;
                            break search;
                        }
                    }
                }
            }
        }
    }

    private static void mark(boolean[] out, int[] judges, boolean value) {
        for (int j : judges) {
            if (j >= 0 && j < out.length) {
                out[j] = value;
            }
        }
    }

    private static boolean contains(int[] values, int value) {
        return indexOf(values, value) >= 0;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One more judge for an entry after opening (a conflict declared, or a third marker): the least loaded
     * judge of the panel who is not excluded, ties by panel order; none when the whole panel is excluded.
     */
    public static Optional<String> extra(List<String> judges, Map<String, Integer> load, Set<String> excluded) {
        return judges.stream().filter(j -> !excluded.contains(j))
                .min(Comparator.comparing((String j) -> load.getOrDefault(j, 0)).thenComparing(judges::indexOf));
    }
}
