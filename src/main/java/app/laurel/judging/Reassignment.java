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
        if (judge.getUnit() != null) {
            Long unit = judge.getUnit().getId();
            if ((entry.getUnit() != null && entry.getUnit().getId().equals(unit))
                    || (entry.getTownship() != null && entry.getTownship().getId().equals(unit))) {
                return true;
            }
        }
        return em.createQuery("select count(c) from Conflict c where c.round = :round and c.entry = :entry"
                        + " and c.judge = :judge", Long.class)
                .setParameter("round", round).setParameter("entry", entry).setParameter("judge", judge)
                .getSingleResult() > 0;
    }

    /**
     * Gives the entry to the least loaded judge of the panel who holds no scorecard for it and is not
     * conflicted; empty when there is no such judge (the organiser sees the entry short of scores).
     */
    Optional<Scorecard> addJudge(RoundEntry roundEntry, ScorecardReason reason, Instant now) {
        Round round = roundEntry.getRound();
        List<Scorecard> cards = em.createNamedQuery("Scorecard.byRound", Scorecard.class)
                .setParameter("round", round).getResultList();
        Map<String, Integer> load = new HashMap<>();
        Set<String> excluded = new HashSet<>();
        for (Scorecard card : cards) {
            load.merge(card.getJudge().getUsername(), 1, Integer::sum);
            if (card.getRoundEntry().getId().equals(roundEntry.getId())) {
                excluded.add(card.getJudge().getUsername());
            }
        }
        Map<String, Account> byName = new HashMap<>();
        for (Account judge : round.getJudges()) {
            byName.put(judge.getUsername(), judge);
            if (conflicted(round, judge, roundEntry.getEntry())) {
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
