package app.laurel.judging;

import app.laurel.identity.Account;
import app.laurel.submission.Entry;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may not score which entry of a round: a judge of the entry's unit or township, and every conflict recorded
 * for the round. The recorded ones are read in one query, so that assigning a round asks the database once, not
 * once per entry and judge (12 million questions for 40,000 entries and 300 judges).
 */
final class RoundConflicts {

    private record Pair(long entry, long judge) {
    }

    private final Set<Pair> recorded = new HashSet<>();

    private RoundConflicts(List<Object[]> rows) {
        rows.forEach(row -> recorded.add(new Pair((Long) row[0], (Long) row[1])));
    }

    static RoundConflicts of(EntityManager em, Round round) {
        return new RoundConflicts(em.createQuery("select c.entry.id, c.judge.id from Conflict c where c.round = :round", Object[].class)
                .setParameter("round", round).getResultList());
    }

    /** A judge is conflicted on an entry of their own unit (or township), or by a recorded conflict. */
    boolean conflicted(Account judge, Entry entry) {
        if (judge.getUnit() != null) {
            Long unit = judge.getUnit().getId();
            if ((entry.getUnit() != null && entry.getUnit().getId().equals(unit))
                    || (entry.getTownship() != null && entry.getTownship().getId().equals(unit))) {
                return true;
            }
        }
        return recorded.contains(new Pair(entry.getId(), judge.getId()));
    }

    /**
     * The same rule over ids, for a whole round at once: the indices into {@code panel} of the judges conflicted on
     * an entry (by its id, its unit's and its township's, null when none), own unit and records together.
     */
    Excluder excluder(List<Account> panel) {
        Map<Long, List<Integer>> byUnit = new HashMap<>();
        Map<Long, Integer> index = new HashMap<>();
        for (int j = 0; j < panel.size(); j++) {
            Account judge = panel.get(j);
            index.put(judge.getId(), j);
            if (judge.getUnit() != null) {
                byUnit.computeIfAbsent(judge.getUnit().getId(), k -> new ArrayList<>()).add(j);
            }
        }
        Map<Long, List<Integer>> byEntry = new HashMap<>();
        for (Pair pair : recorded) {
            Integer j = index.get(pair.judge());
            if (j != null) {
                byEntry.computeIfAbsent(pair.entry(), k -> new ArrayList<>()).add(j);
            }
        }
        return (entry, unit, township) -> {
            List<Integer> own = unit == null ? List.of() : byUnit.getOrDefault(unit, List.of());
            List<Integer> ofTownship = township == null ? List.of() : byUnit.getOrDefault(township, List.of());
            List<Integer> listed = byEntry.getOrDefault(entry, List.of());
            int[] out = new int[own.size() + ofTownship.size() + listed.size()];
            int n = 0;
            for (List<Integer> part : List.of(own, ofTownship, listed)) {
                for (int j : part) {
                    out[n++] = j;
                }
            }
            return out;
        };
    }

    /** The panel indices conflicted on one entry; a judge may appear twice (own unit and a record). */
    @FunctionalInterface
    interface Excluder {
        int[] excluded(long entryId, Long unitId, Long townshipId);
    }
}
