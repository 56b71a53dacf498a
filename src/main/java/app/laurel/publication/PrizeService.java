package app.laurel.publication;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.identity.Roles;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.persistence.Versions;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Prize money (奖金): award levels with their amounts, one prize per winning entry paid to its author or its unit,
 * the payee's bank details (organisers only) and finance's record of payment. Every change is audited.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class PrizeService {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Versions versions;

    @Inject
    private ContestService contests;

    @Inject
    private AuditTrail audit;

    @Inject
    private CurrentCaller caller;

    public List<AwardLevel> levels(String contestCode) {
        return em.createQuery("select l from AwardLevel l where l.contest = :contest order by l.amountCents desc, l.name", AwardLevel.class)
                .setParameter("contest", contests.byCode(contestCode)).getResultList();
    }

    /** A level such as 衡阳县最美禁毒故事 ¥1,000.00; amounts in yuan with at most two decimals. */
    public AwardLevel addLevel(String contestCode, String name, BigDecimal amount) {
        Contest contest = contests.byCode(contestCode);
        if (name == null || name.isBlank() || name.strip().length() > 50) {
            throw InvalidInputException.of("name", "validation.length", 1, 50);
        }
        if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
            throw InvalidInputException.of("amount", "prize.amount");
        }
        if (levels(contestCode).stream().anyMatch(l -> l.getName().equals(name.strip()))) {
            throw LaurelException.conflict("prize.levelExists");
        }
        AwardLevel level = new AwardLevel(contest, name.strip(), amount.movePointRight(2).longValueExact());
        em.persist(level);
        audit.record(caller.name(), "AWARD_LEVEL_ADDED", "contest:" + contestCode, name.strip() + " " + amount.toPlainString());
        return level;
    }

    /**
     * A prize at this level for every winner without one: paid to the unit that submitted the entry, else to its
     * author. Returns the contest's prizes.
     */
    public List<Prize> award(String contestCode, long levelId) {
        Contest contest = contests.byCode(contestCode);
        AwardLevel level = em.find(AwardLevel.class, levelId);
        if (level == null || !levels(contestCode).contains(level)) {
            throw InvalidInputException.of("level", "prize.levelUnknown");
        }
        List<Entry> winners = em.createQuery("select e from Entry e where e.contest = :contest and e.status = :status"
                        + " and not exists (select p from Prize p where p.entry = e) order by e.receiptNo", Entry.class)
                .setParameter("contest", contest).setParameter("status", EntryStatus.WINNER).getResultList();
        for (Entry winner : winners) {
            boolean unit = winner.getUnit() != null;
            String payee = unit ? winner.getUnit().getName() : winner.getCreditedName();
            em.persist(new Prize(winner, level, unit ? "UNIT" : "AUTHOR", payee));
        }
        audit.record(caller.name(), "PRIZES_AWARDED", "contest:" + contestCode, winners.size() + " at " + level.getName());
        return prizes(contestCode);
    }

    public List<Prize> prizes(String contestCode) {
        return em.createQuery("select p from Prize p where p.entry.contest = :contest order by p.entry.receiptNo", Prize.class)
                .setParameter("contest", contests.byCode(contestCode)).getResultList();
    }

    /** Sets the payee, based on version {@code expectedVersion} of the prize (null: unchecked). */
    public Prize payee(long prizeId, String type, String name, String bank, String account, Long expectedVersion) {
        Prize prize = locked(prizeId);
        versions.expect(prize.getVersion(), expectedVersion, "prize:" + prizeId, List::of);
        prize.payee(type, name, bank, account);
        audit.record(caller.name(), "PRIZE_PAYEE_SET", "prize:" + prizeId, type + " " + name);
        versions.advance(prize, prize::getVersion);
        return prize;
    }

    public Prize markPaid(long prizeId, LocalDate on, String reference) {
        Prize prize = locked(prizeId);
        prize.markPaid(on, reference);
        audit.record(caller.name(), "PRIZE_PAID", "prize:" + prizeId, on + " " + reference);
        return prize;
    }

    private Prize locked(long prizeId) {
        Prize prize = em.find(Prize.class, prizeId, LockModeType.PESSIMISTIC_WRITE);
        if (prize == null) {
            throw LaurelException.notFound("prize.notFound");
        }
        return prize;
    }
}
