package app.laurel.submission;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.contest.ContestUnit;
import app.laurel.identity.Account;
import app.laurel.identity.AccountRepository;
import app.laurel.identity.Roles;
import app.laurel.identity.Unit;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.time.Formats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * Unit pre-selection (摸底推选): a township's administrator sees the citizens' entries that name the township
 * and recommends some of them to count against the township's quota, until the deadline.
 */
@Stateless
@RolesAllowed(Roles.UNIT_ADMIN)
public class RecommendationService {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private ContestService contests;

    @Inject
    private AccountRepository accounts;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private Formats formats;

    @Inject
    private CurrentCaller caller;

    /** The contests the caller's unit is enrolled in, newest first: where it may pre-select. */
    public List<Contest> myContests() {
        Unit unit = callerAccount().getUnit();
        if (unit == null) {
            return List.of();
        }
        return em.createQuery("select cu.contest from ContestUnit cu where cu.unit = :unit order by cu.contest.id desc", Contest.class)
                .setParameter("unit", unit).getResultList();
    }

    /** Citizens' submitted or accepted entries that name the caller's unit. */
    public List<Entry> candidates(String contestCode) {
        Contest contest = contest(contestCode);
        return em.createNamedQuery("Entry.candidates", Entry.class).setParameter("contest", contest)
                .setParameter("unit", unit(contest)).setParameter("statuses", EnumSet.of(EntryStatus.SUBMITTED, EntryStatus.ACCEPTED))
                .getResultList();
    }

    /**
     * Counts the unit's quota under a lock on its participation, the same lock its own submissions take
     * (SubmissionService), so that recommendations and submissions at the same moment never overrun it together.
     */
    public Entry recommend(long entryId) {
        Entry entry = candidate(entryId);
        Contest contest = entry.getContest();
        Unit unit = unit(contest);
        requireOpen(contest, unit);
        ContestUnit participation = contest.participation(unit).orElseThrow();
        em.refresh(participation, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(entry);
        if (!entry.isRecommended()) {
            QuotaLine line = QuotaBoard.line(em, contest, participation);
            if (line.isFull()) {
                throw LaurelException.conflict("entry.quotaReached", unit.getName(), line.max());
            }
            entry.recommend(caller.name(), clock.instant());
            audit.record(caller.name(), "ENTRY_RECOMMENDED", "entry:" + entryId, unit.getName());
        }
        return entry;
    }

    /**
     * One candidate, to be read before it is recommended (text, pictures, video): only the caller's township's own
     * candidates, submitted or accepted, in the contest named. The story is read here, inside the transaction.
     */
    public Entry candidate(String contestCode, long entryId) {
        Entry entry = candidate(entryId);
        if (!entry.getContest().getCode().equals(contestCode)
                || !(entry.getStatus() == EntryStatus.SUBMITTED || entry.getStatus() == EntryStatus.ACCEPTED)) {
            throw LaurelException.notFound("entry.notFound");
        }
        entry.getBodyHtml();
        return entry;
    }

    /**
     * 更换: one recommended entry makes way for another in one step, so the quota is never left short in between
     * and a refused newcomer (deadline, not recommendable) leaves the first recommendation where it was.
     */
    public Entry swap(long outId, long inId) {
        Entry out = candidate(outId);
        Entry in = candidate(inId);
        if (!out.getContest().getId().equals(in.getContest().getId())) {
            throw LaurelException.notFound("entry.notFound");
        }
        if (!out.isRecommended()) {
            throw LaurelException.conflict("recommend.swap.notRecommended");
        }
        requireOpen(out.getContest(), unit(out.getContest()));
        out.withdrawRecommendation();
        em.flush();
        audit.record(caller.name(), "RECOMMENDATION_WITHDRAWN", "entry:" + outId, "→ entry:" + inId);
        return recommend(inId);
    }

    public Entry withdrawRecommendation(long entryId) {
        Entry entry = candidate(entryId);
        requireOpen(entry.getContest(), unit(entry.getContest()));
        entry.withdrawRecommendation();
        audit.record(caller.name(), "RECOMMENDATION_WITHDRAWN", "entry:" + entryId, null);
        return entry;
    }

    /** The caller's own line of the quota board. */
    public QuotaLine myQuota(String contestCode) {
        Contest contest = contest(contestCode);
        return QuotaBoard.line(em, contest, contest.participation(unit(contest)).orElseThrow());
    }

    private Entry candidate(long entryId) {
        Entry entry = em.find(Entry.class, entryId);
        Account caller = callerAccount();
        if (entry == null || entry.getTownship() == null || caller.getUnit() == null
                || !entry.getTownship().getId().equals(caller.getUnit().getId())) {
            throw LaurelException.notFound("entry.notFound");
        }
        return entry;
    }

    private void requireOpen(Contest contest, Unit unit) {
        if (!contest.isOpenForSubmissions(unit, clock.instant())) {
            throw LaurelException.conflict("entry.closed", contest.submissionDeadline(unit).map(formats::dateTime).orElse("-"));
        }
    }

    private Unit unit(Contest contest) {
        Unit unit = callerAccount().getUnit();
        if (unit == null || contest.participation(unit).isEmpty()) {
            throw LaurelException.forbidden("entry.unitNotEnrolled");
        }
        return unit;
    }

    private Contest contest(String code) {
        return contests.byCode(code);
    }

    private Account callerAccount() {
        return accounts.byUsername(caller.name()).orElseThrow(() -> LaurelException.forbidden("api.forbidden"));
    }
}
