package app.laurel.judging;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.identity.Account;
import app.laurel.identity.AccountRepository;
import app.laurel.identity.Role;
import app.laurel.identity.Roles;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryStatus;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organiser's side of judging: set up a round on the contest's accepted entries, open it (assigning the
 * panel with automatic conflicts: a judge never gets an entry of their own unit), follow progress, see the
 * live ranking, and close it, which freezes the ranking.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class RoundService {

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

    @Resource
    private SessionContext session;

    /** Entry and judge progress: how many scorecards are submitted of how many assigned. */
    public record Progress(Map<String, int[]> byEntryCode, Map<String, int[]> byJudge) {
    }

    public Round create(String contestCode, RoundRules rules, List<String> judgeUsernames) {
        Contest contest = contests.byCode(contestCode);
        List<Account> panel = panel(judgeUsernames);
        check(rules, panel);
        List<Entry> accepted = em.createQuery("select e from Entry e where e.contest = :contest and e.status = :status"
                        + " order by e.receiptNo", Entry.class)
                .setParameter("contest", contest).setParameter("status", EntryStatus.ACCEPTED).getResultList();
        if (accepted.isEmpty()) {
            throw LaurelException.conflict("judging.round.noEntries");
        }
        long existing = em.createQuery("select count(r) from Round r where r.contest = :contest", Long.class)
                .setParameter("contest", contest).getSingleResult();
        Round round = new Round(contest, (int) existing + 1, rules, panel);
        em.persist(round);
        for (int i = 0; i < accepted.size(); i++) {
            em.persist(new RoundEntry(round, accepted.get(i), i + 1));
        }
        audit.record(caller(), "ROUND_CREATED", "contest:" + contestCode, rules.name() + " " + rules.method());
        return round;
    }

    /** Opens the round: the rules freeze and every judge gets their scorecards. */
    public Round open(long roundId) {
        Round round = round(roundId, true);
        List<RoundEntry> entries = entries(round);
        List<String> judges = round.getJudges().stream().map(Account::getUsername).toList();
        Set<PanelAssignment.Conflict> conflicts = new HashSet<>();
        Map<Long, RoundEntry> byId = new HashMap<>();
        for (RoundEntry re : entries) {
            byId.put(re.getId(), re);
            for (Account judge : round.getJudges()) {
                if (isOwnUnit(judge, re.getEntry())) {
                    conflicts.add(new PanelAssignment.Conflict(re.getId(), judge.getUsername()));
                }
            }
        }
        List<Long> ids = entries.stream().map(RoundEntry::getId).toList();
        Map<Long, List<String>> assignment = round.getAssignmentMode() == AssignmentMode.ALL
                ? PanelAssignment.all(ids, judges, conflicts)
                : PanelAssignment.balanced(ids, judges, round.getJudgesPerEntry(), conflicts);
        Map<String, Account> judgeByName = new HashMap<>();
        round.getJudges().forEach(j -> judgeByName.put(j.getUsername(), j));
        assignment.forEach((entryId, names) -> names.forEach(name ->
                em.persist(new Scorecard(byId.get(entryId), judgeByName.get(name), clock.instant()))));
        round.open(clock.instant());
        audit.record(caller(), "ROUND_OPENED", "round:" + roundId, conflicts.size() + " automatic conflicts");
        return round;
    }

    public Progress progress(long roundId) {
        Round round = round(roundId, false);
        Map<String, int[]> byEntry = new HashMap<>();
        Map<String, int[]> byJudge = new HashMap<>();
        for (Scorecard card : scorecards(round)) {
            int done = card.getStatus() == ScorecardStatus.SUBMITTED ? 1 : 0;
            byEntry.computeIfAbsent(card.getRoundEntry().getCode(), k -> new int[2])[0] += done;
            byEntry.get(card.getRoundEntry().getCode())[1]++;
            byJudge.computeIfAbsent(card.getJudge().getUsername(), k -> new int[2])[0] += done;
            byJudge.get(card.getJudge().getUsername())[1]++;
        }
        return new Progress(byEntry, byJudge);
    }

    /** A ranking and the neutral code of each ranked round entry. */
    public record CodedRanking(Ranking ranking, Map<Long, String> codes) {
    }

    /** The ranking from the scorecards submitted so far (live while open), with the entries' codes. */
    public CodedRanking ranking(long roundId) {
        Round round = round(roundId, false);
        return new CodedRanking(Ranker.rank(sheet(round), round.getMethod(), round.getSelectCount()), codes(round));
    }

    private Map<Long, String> codes(Round round) {
        Map<Long, String> codes = new HashMap<>();
        entries(round).forEach(re -> codes.put(re.getId(), re.getCode()));
        return codes;
    }

    /**
     * Closes the round when every entry has its minimum of scores and no tie straddles the cut; the ranking is
     * frozen as JSON with the round.
     */
    public Round close(long roundId) {
        Round round = round(roundId, true);
        Map<Long, String> codes = codes(round);
        List<EntryTotals> sheet = sheet(round);
        Map<Long, Integer> counts = new HashMap<>();
        sheet.forEach(row -> counts.put(row.entryId(), row.totals().size()));
        List<String> missing = codes.entrySet().stream()
                .filter(e -> counts.getOrDefault(e.getKey(), 0) < round.getMinScores()).map(Map.Entry::getValue).sorted().toList();
        if (!missing.isEmpty()) {
            throw LaurelException.conflict("judging.round.missingScores", String.join("、", missing), round.getMinScores());
        }
        Ranking ranking = Ranker.rank(sheet, round.getMethod(), round.getSelectCount());
        if (ranking.hasTieAtCut()) {
            throw LaurelException.conflict("judging.round.tieAtCut",
                    String.join("、", ranking.tiedAtCut().stream().map(e -> codes.get(e.entryId())).toList()));
        }
        JsonArrayBuilder frozen = Json.createArrayBuilder();
        for (RankedEntry e : ranking.order()) {
            frozen.add(Json.createObjectBuilder().add("code", codes.get(e.entryId())).add("rank", e.rank())
                    .add("value", e.value().toPlainString()).add("plainMean", e.plainMean().toPlainString())
                    .add("scores", e.scoreCount()));
        }
        round.close(Json.createObjectBuilder().add("method", round.getMethod().name())
                .add("selectCount", round.getSelectCount()).add("order", frozen).build().toString(), clock.instant());
        audit.record(caller(), "ROUND_CLOSED", "round:" + roundId, null);
        return round;
    }

    /** The round's score sheet, by round entry id: submitted scorecards only. */
    List<EntryTotals> sheet(Round round) {
        Map<Long, List<JudgeTotal>> rows = new HashMap<>();
        for (Scorecard card : scorecards(round)) {
            if (card.getStatus() == ScorecardStatus.SUBMITTED) {
                rows.computeIfAbsent(card.getRoundEntry().getId(), k -> new ArrayList<>()).add(card.total());
            }
        }
        List<EntryTotals> sheet = new ArrayList<>();
        rows.forEach((id, totals) -> sheet.add(new EntryTotals(id, totals)));
        return sheet;
    }

    public List<RoundEntry> entries(Round round) {
        return em.createNamedQuery("RoundEntry.byRound", RoundEntry.class).setParameter("round", round).getResultList();
    }

    private List<Scorecard> scorecards(Round round) {
        return em.createNamedQuery("Scorecard.byRound", Scorecard.class).setParameter("round", round).getResultList();
    }

    private Round round(long roundId, boolean lock) {
        Round round = lock ? em.find(Round.class, roundId, LockModeType.PESSIMISTIC_WRITE) : em.find(Round.class, roundId);
        if (round == null) {
            throw LaurelException.notFound("judging.round.notFound");
        }
        return round;
    }

    private static boolean isOwnUnit(Account judge, Entry entry) {
        if (judge.getUnit() == null) {
            return false;
        }
        Long unit = judge.getUnit().getId();
        return (entry.getUnit() != null && entry.getUnit().getId().equals(unit))
                || (entry.getTownship() != null && entry.getTownship().getId().equals(unit));
    }

    private List<Account> panel(List<String> usernames) {
        List<Account> panel = new ArrayList<>();
        for (String username : usernames == null ? List.<String>of() : usernames) {
            Account judge = accounts.byUsername(username).filter(a -> a.hasRole(Role.JUDGE))
                    .orElseThrow(() -> InvalidInputException.of("judges", "judging.round.notAJudge", username));
            panel.add(judge);
        }
        return panel;
    }

    private static void check(RoundRules rules, List<Account> panel) {
        List<FieldError> errors = new ArrayList<>();
        if (rules.name() == null || rules.name().isBlank() || rules.name().length() > 50) {
            errors.add(new FieldError("name", "validation.length", 1, 50));
        }
        if (panel.isEmpty()) {
            errors.add(new FieldError("judges", "judging.round.noJudges"));
        }
        if (rules.mode() == AssignmentMode.BALANCED
                && (rules.judgesPerEntry() == null || rules.judgesPerEntry() < 1 || rules.judgesPerEntry() > panel.size())) {
            errors.add(new FieldError("judgesPerEntry", "judging.assign.perEntry", panel.size()));
        }
        if (rules.minScores() < 1 || rules.selectCount() < 1 || rules.disagreementPct() < 1 || rules.disagreementPct() > 100) {
            errors.add(new FieldError("rules", "judging.round.numbers"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
