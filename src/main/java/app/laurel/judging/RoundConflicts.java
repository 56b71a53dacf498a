package app.laurel.judging;

import app.laurel.identity.Account;
import app.laurel.submission.Entry;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;
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
}
