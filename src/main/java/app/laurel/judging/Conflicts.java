package app.laurel.judging;

import app.laurel.identity.Account;
import app.laurel.platform.error.LaurelException;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Optional;

/**
 * Recording a conflict the same way whoever declares it (the judge or an organiser): the conflict row, the
 * judge's scorecard for the entry removed, and in BALANCED mode the entry handed to another judge.
 */
final class Conflicts {

    private Conflicts() {
    }

    static PanelService.ConflictOutcome record(EntityManager em, Reassignment reassignment, Round round, RoundEntry roundEntry,
                                               Account judge, String reason, String declaredBy, Instant now) {
        Conflict conflict = new Conflict(round, roundEntry.getEntry(), judge, reason, declaredBy, now);
        em.persist(conflict);
        Optional<Scorecard> card = em.createQuery("select s from Scorecard s where s.roundEntry = :entry and s.judge = :judge",
                Scorecard.class).setParameter("entry", roundEntry).setParameter("judge", judge).getResultStream().findFirst();
        card.ifPresent(em::remove);
        em.flush();
        Optional<String> replacement = Optional.empty();
        if (card.isPresent() && round.getStatus() == RoundStatus.OPEN && round.getAssignmentMode() == AssignmentMode.BALANCED) {
            replacement = reassignment.addJudge(roundEntry, ScorecardReason.REASSIGNED, now).map(c -> c.getJudge().getUsername());
        }
        if (round.getStatus() == RoundStatus.OPEN) {
            long left = em.createQuery("select count(s) from Scorecard s where s.roundEntry = :entry", Long.class)
                    .setParameter("entry", roundEntry).getSingleResult();
            if (left < round.getMinScores()) {
                // Refused as a whole (the transaction rolls back): the round could otherwise never close.
                throw LaurelException.conflict("judging.conflict.wouldStall", roundEntry.getCode(), round.getMinScores());
            }
        }
        return new PanelService.ConflictOutcome(conflict, card.isPresent(), replacement);
    }
}
