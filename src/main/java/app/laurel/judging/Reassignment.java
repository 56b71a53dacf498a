package app.laurel.judging;

import app.laurel.identity.Account;
import app.laurel.submission.Entry;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may score an entry, and adding one more judge to it after the round opened. Used inside the services'
 * transactions (never on its own): after a conflict takes a judge off an entry in BALANCED mode, and for the
 * third marker on an entry the panel disagrees on.
 */
@Dependent
public class Reassignment {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    /** A judge is conflicted on an entry of their own unit (or township), or by a recorded conflict. */
    boolean conflicted(Round round, Account judge, Entry entry) {
        return RoundConflicts.of(em, round).conflicted(judge, entry);
    }

    /**
     * Gives the entry to the least loaded judge of the panel who holds no scorecard for it and is not
     * conflicted; empty when there is no such judge (the organiser sees the entry short of scores).
     */
    Optional<Scorecard> addJudge(RoundEntry roundEntry, ScorecardReason reason, Instant now) {
        Round round = roundEntry.getRound();
        // Loads counted by the database: a provincial round has 360,000 scorecards, too many to load for one judge more.
        Map<String, Integer> load = new HashMap<>();
        em.createQuery("select s.judge.username, count(s) from Scorecard s where s.roundEntry.round = :round"
                        + " group by s.judge.username", Object[].class).setParameter("round", round).getResultList()
                .forEach(row -> load.put((String) row[0], ((Number) row[1]).intValue()));
        Set<String> excluded = new HashSet<>(em.createQuery("select s.judge.username from Scorecard s where s.roundEntry = :entry",
                String.class).setParameter("entry", roundEntry).getResultList());
        Map<String, Account> byName = new HashMap<>();
        RoundConflicts conflicts = RoundConflicts.of(em, round);
        for (Account judge : round.getJudges()) {
            byName.put(judge.getUsername(), judge);
            if (conflicts.conflicted(judge, roundEntry.getEntry())) {
                excluded.add(judge.getUsername());
            }
        }
        List<String> panel = round.getJudges().stream().map(Account::getUsername).sorted().toList();
        return PanelAssignment.extra(panel, load, excluded).map(name -> {
            Scorecard card = new Scorecard(roundEntry, byName.get(name), reason, now);
            em.persist(card);
            return card;
        });
    }
}
