package app.laurel.judging;

import app.laurel.platform.error.LaurelException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who scores what. ALL: every judge every entry they are not conflicted on. BALANCED: each entry gets
 * {@code perEntry} judges, always the least loaded eligible ones (ties by panel order), so loads differ by at
 * most one where conflicts allow; entries with the fewest eligible judges are served first so they are not
 * left short.
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

    public static Map<Long, List<String>> balanced(List<Long> entries, List<String> judges, int perEntry,
                                                   Set<Excluded> conflicts) {
        if (perEntry <= 0 || perEntry > judges.size()) {
            throw LaurelException.conflict("judging.assign.perEntry", judges.size());
        }
        Map<String, Integer> load = new HashMap<>();
        judges.forEach(j -> load.put(j, 0));
        List<Long> order = new ArrayList<>(entries);
        order.sort(Comparator.comparingLong((Long e) -> judges.stream().filter(j -> !conflicts.contains(new Excluded(e, j))).count())
                .thenComparing(e -> e));
        Map<Long, List<String>> assignment = new LinkedHashMap<>();
        for (long entry : order) {
            List<String> chosen = judges.stream()
                    .filter(j -> !conflicts.contains(new Excluded(entry, j)))
                    .sorted(Comparator.comparing(load::get).thenComparing(judges::indexOf))
                    .limit(perEntry).toList();
            if (chosen.size() < perEntry) {
                throw LaurelException.conflict("judging.assign.tooFewJudges", entry, perEntry);
            }
            chosen.forEach(j -> load.merge(j, 1, Integer::sum));
            assignment.put(entry, chosen);
        }
        Map<Long, List<String>> inEntryOrder = new LinkedHashMap<>();
        entries.forEach(e -> inEntryOrder.put(e, assignment.get(e)));
        return inEntryOrder;
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
