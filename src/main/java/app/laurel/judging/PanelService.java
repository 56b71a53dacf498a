package app.laurel.judging;

import app.laurel.identity.Account;
import app.laurel.identity.AccountRepository;
import app.laurel.identity.Roles;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The organiser managing a round's panel once it is set up: conflicts they learn of (回避), reopening a submitted
 * scorecard for a judge's correction, and the third marker on entries the panel disagrees on. Every step is
 * audited, since each changes who decides about an entry.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class PanelService {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private AccountRepository accounts;

    @Inject
    private Reassignment reassignment;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private Event<JudgesReminded> reminders;

    @Inject
    private CurrentCaller caller;

    /** What became of a conflict: the judge taken off the entry, and who scores it instead (if anyone). */
    public record ConflictOutcome(Conflict conflict, boolean scorecardRemoved, Optional<String> reassignedTo) {
    }

    public List<ConflictLine> conflicts(long roundId) {
        return em.createNamedQuery("Conflict.linesOfRound", ConflictLine.class).setParameter("round", round(roundId)).getResultList();
    }

    /**
     * Records a conflict before or during the round. During it, the judge's scorecard for the entry goes, even a
     * submitted one (a conflicted score must not count), and in BALANCED mode another judge takes the entry.
     */
    public ConflictOutcome addConflict(long roundId, String entryCode, String judgeUsername, String reason) {
        Round round = em.find(Round.class, roundId, LockModeType.PESSIMISTIC_WRITE);
        if (round == null) {
            throw LaurelException.notFound("judging.round.notFound");
        }
        if (round.getStatus() == RoundStatus.CLOSED) {
            throw LaurelException.conflict("judging.round.closed");
        }
        RoundEntry roundEntry = entry(round, entryCode);
        Account judge = round.getJudges().stream().filter(j -> j.getUsername().equals(judgeUsername)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("judge", "judging.conflict.notOnPanel", String.valueOf(judgeUsername)));
        String why = clean(reason);
        if (reassignment.conflicted(round, judge, roundEntry.getEntry())) {
            throw LaurelException.conflict("judging.conflict.exists");
        }
        ConflictOutcome outcome = Conflicts.record(em, reassignment, round, roundEntry, judge, why, caller.name(), clock.instant());
        audit.record(caller.name(), "CONFLICT_ADDED", "round:" + roundId, entryCode + " " + judgeUsername + ": " + why
                + outcome.reassignedTo().map(j -> " → " + j).orElse(""));
        return outcome;
    }

    /** A submitted scorecard back to draft, so its judge can correct it; the reason is audited. */
    public Scorecard reopen(long roundId, String entryCode, String judgeUsername, String reason) {
        Round round = em.find(Round.class, roundId, LockModeType.PESSIMISTIC_WRITE);
        if (round == null) {
            throw LaurelException.notFound("judging.round.notFound");
        }
        String why = clean(reason);
        Scorecard card = em.createQuery("select s from Scorecard s where s.roundEntry = :entry and s.judge.username = :judge",
                        Scorecard.class).setParameter("entry", entry(round, entryCode)).setParameter("judge", judgeUsername)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> LaurelException.notFound("judging.scorecard.notFound"));
        card.reopen(clock.instant());
        audit.record(caller.name(), "SCORECARD_REOPENED", "round:" + roundId, entryCode + " " + judgeUsername + ": " + why);
        return card;
    }

    /**
     * The third-marker rule (BALANCED mode): every entry the panel disagrees on gets one more judge, once. Returns
     * the codes of the entries that got one.
     */
    public List<String> addThirdMarkers(long roundId) {
        Round round = em.find(Round.class, roundId, LockModeType.PESSIMISTIC_WRITE);
        if (round == null) {
            throw LaurelException.notFound("judging.round.notFound");
        }
        round.requireOpen();
        if (round.getAssignmentMode() != AssignmentMode.BALANCED) {
            throw LaurelException.conflict("judging.thirdMarker.onlyBalanced");
        }
        List<Scorecard> cards = em.createNamedQuery("Scorecard.byRound", Scorecard.class).setParameter("round", round).getResultList();
        List<EntryTotals> sheet = Scorecard.sheet(cards);
        List<Long> flagged = PanelStatistics.disagreements(sheet, round.rubric().maxPoints(), round.getDisagreementPct());
        List<String> added = new java.util.ArrayList<>();
        for (Long id : flagged) {
            boolean hasThird = cards.stream().anyMatch(c -> c.getRoundEntry().getId().equals(id)
                    && c.getReason() == ScorecardReason.THIRD_MARKER);
            RoundEntry re = em.find(RoundEntry.class, id);
            if (!hasThird && reassignment.addJudge(re, ScorecardReason.THIRD_MARKER, clock.instant()).isPresent()) {
                added.add(re.getCode());
            }
        }
        audit.record(caller.name(), "THIRD_MARKERS", "round:" + roundId, String.join(",", added));
        return added;
    }

    /**
     * Reminds the judges who still have scorecards to submit: audited, and announced as {@link JudgesReminded}
     * for whatever delivers notifications. Returns whom it reminded.
     */
    public List<String> remind(long roundId) {
        Round round = round(roundId);
        round.requireOpen();
        List<String> behind = em.createNamedQuery("Scorecard.byRound", Scorecard.class).setParameter("round", round)
                .getResultStream().filter(c -> c.getStatus() != ScorecardStatus.SUBMITTED)
                .map(c -> c.getJudge().getUsername()).distinct().sorted().toList();
        if (!behind.isEmpty()) {
            reminders.fire(new JudgesReminded(roundId, round.getName(), behind));
        }
        audit.record(caller.name(), "JUDGES_REMINDED", "round:" + roundId, String.join(",", behind));
        return behind;
    }

    private Round round(long roundId) {
        Round round = em.find(Round.class, roundId);
        if (round == null) {
            throw LaurelException.notFound("judging.round.notFound");
        }
        return round;
    }

    private RoundEntry entry(Round round, String code) {
        return em.createQuery("select re from RoundEntry re where re.round = :round and re.code = :code", RoundEntry.class)
                .setParameter("round", round).setParameter("code", code).getResultStream().findFirst()
                .orElseThrow(() -> InvalidInputException.of("entry", "judging.conflict.unknownEntry", String.valueOf(code)));
    }

    private static String clean(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
            throw InvalidInputException.of("reason", "judging.reason.required", 200);
        }
        return reason.strip();
    }
}
