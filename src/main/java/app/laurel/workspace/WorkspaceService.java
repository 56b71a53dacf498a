package app.laurel.workspace;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.contest.EntryType;
import app.laurel.contest.Phase;
import app.laurel.contest.PhaseKind;
import app.laurel.identity.Roles;
import app.laurel.workspace.Facts.NoticeFacts;
import app.laurel.workspace.Facts.RoundFacts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organiser's workspace of one contest in one call: every step's state from a handful of aggregate queries
 * (entries by status, rounds with their scorecards counted, the latest notice, certificates, prizes, column items),
 * never a query per entry, so the page costs the same for 40 entries as for 40,000.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class WorkspaceService {

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private ContestService contests;

    @Inject
    private Clock clock;

    /** The contests an organiser can open a workspace for, newest first (every organiser runs every contest). */
    public List<Contest> contests() {
        return contests.listContests();
    }

    public ContestWorkspace workspace(String contestCode) {
        Contest contest = contests.byCode(contestCode);
        Instant now = clock.instant();
        Facts facts = facts(contest);
        return new ContestWorkspace(contest.getCode(), contest.getTitle(), Steps.states(facts, now), Steps.next(facts, now));
    }

    private Facts facts(Contest contest) {
        Optional<Phase> submission = contest.phase(PhaseKind.SUBMISSION);
        boolean setUp = submission.isPresent() && !contest.getCategories().isEmpty()
                && Arrays.stream(EntryType.values()).anyMatch(t -> contest.rule(t).isPresent());
        return new Facts(setUp, submission.map(Phase::getStartsAt).orElse(null), submission.map(Phase::getEndsAt).orElse(null),
                entries(contest), rounds(contest), notice(contest),
                count("select count(c) from Certificate c where c.contest = :contest and c.status = 'VALID'", contest),
                count("select count(p) from Prize p where p.entry.contest = :contest", contest),
                count("select count(p) from Prize p where p.entry.contest = :contest and p.status = 'PAID'", contest),
                count("select count(c) from ColumnItem c where c.contest = :contest", contest));
    }

    private Map<String, Long> entries(Contest contest) {
        Map<String, Long> byStatus = new HashMap<>();
        for (Object[] row : em.createQuery("""
                select e.status, count(e) from Entry e where e.contest = :contest
                and e.status <> app.laurel.submission.EntryStatus.DRAFT group by e.status""", Object[].class)
                .setParameter("contest", contest).getResultList()) {
            byStatus.put(row[0].toString(), (Long) row[1]);
        }
        return byStatus;
    }

    /** The rounds in order, with their scorecards counted in one grouped query for all of them. */
    private List<RoundFacts> rounds(Contest contest) {
        Map<Long, long[]> cards = new HashMap<>();
        for (Object[] row : em.createQuery("""
                select s.roundEntry.round.id, s.status, count(s) from Scorecard s
                where s.roundEntry.round.contest = :contest group by s.roundEntry.round.id, s.status""", Object[].class)
                .setParameter("contest", contest).getResultList()) {
            long[] counts = cards.computeIfAbsent((Long) row[0], id -> new long[2]);
            long n = (Long) row[2];
            counts[1] += n;
            if (row[1].toString().equals("SUBMITTED")) {
                counts[0] += n;
            }
        }
        Map<Long, RoundFacts> rounds = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("""
                select r.id, r.name, r.status from Round r where r.contest = :contest order by r.sequenceNo""", Object[].class)
                .setParameter("contest", contest).getResultList()) {
            long id = (Long) row[0];
            long[] counts = cards.getOrDefault(id, new long[2]);
            rounds.put(id, new RoundFacts(id, (String) row[1], row[2].toString(), counts[0], counts[1]));
        }
        return new ArrayList<>(rounds.values());
    }

    private NoticeFacts notice(Contest contest) {
        return em.createQuery("""
                select n.id, n.status, n.startsAt, n.endsAt from Notice n where n.contest = :contest order by n.id desc""",
                        Object[].class)
                .setParameter("contest", contest).setMaxResults(1).getResultStream()
                .map(r -> new NoticeFacts((Long) r[0], r[1].toString(), (Instant) r[2], (Instant) r[3])).findFirst().orElse(null);
    }

    private long count(String jpql, Contest contest) {
        return em.createQuery(jpql, Long.class).setParameter("contest", contest).getSingleResult();
    }
}
