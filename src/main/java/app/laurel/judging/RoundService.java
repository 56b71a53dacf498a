package app.laurel.judging;

import app.laurel.contest.Category;
import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.identity.Account;
import app.laurel.identity.AccountRepository;
import app.laurel.identity.Role;
import app.laurel.identity.Roles;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.persistence.CommitCounter;
import app.laurel.platform.persistence.Versions;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
    private Versions versions;

    @Inject
    private ContestService contests;

    @Inject
    private AccountRepository accounts;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private CurrentCaller caller;

    @Inject
    private Event<RoundOpened> opened;

    @Inject
    private RoundFigures figures;

    /**
     * Entry and judge progress: how many scorecards are submitted of how many assigned, each map in key order. Sorted
     * once when the figures are filed, not on every view of a round of 40,000 entries.
     */
    public record Progress(Map<String, int[]> byEntryCode, Map<String, int[]> byJudge,
                           List<Map.Entry<String, int[]>> entryRows, List<Map.Entry<String, int[]>> judgeRows) {

        /** The rows as the page's tables list them, made once with the figures: a round may have 40,000 entries. */
        static Progress of(Map<String, int[]> byEntryCode, Map<String, int[]> byJudge) {
            Map<String, int[]> entries = Collections.unmodifiableSortedMap(new TreeMap<>(byEntryCode));
            Map<String, int[]> judges = Collections.unmodifiableSortedMap(new TreeMap<>(byJudge));
            return new Progress(entries, judges, List.copyOf(entries.entrySet()), List.copyOf(judges.entrySet()));
        }
    }

    /** The contest's rounds in order. */
    public List<Round> rounds(String contestCode) {
        return em.createQuery("select r from Round r where r.contest = :contest order by r.sequenceNo", Round.class)
                .setParameter("contest", contests.byCode(contestCode)).getResultList();
    }

    /**
     * The judge accounts an organiser can put on a panel, by name as a Chinese list is read (pinyin order of the
     * collator), then username, so that a name is found where one expects it.
     */
    public List<Account> judges() {
        return accounts.all().stream().filter(a -> a.hasRole(Role.JUDGE)).sorted(panelOrder()).toList();
    }

    /** Display names in the collation order of Chinese (by pinyin: 陈 before 李 before 王), then usernames. */
    static java.util.Comparator<Account> panelOrder() {
        java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);
        return java.util.Comparator.comparing((Account a) -> a.getDisplayName() == null ? "" : a.getDisplayName(), chinese)
                .thenComparing(Account::getUsername);
    }

    /**
     * How many entries a new round on all the contest's accepted entries would take (the set-up page's hint): one
     * count, the condition of {@link Entry#isInJudgingPool} in the query, not the entries loaded with their files.
     */
    public int poolSize(String contestCode) {
        Contest contest = contests.byCode(contestCode);
        return em.createQuery("select count(e) from Entry e where e.contest = :contest and e.status = :status"
                        + (contest.isPublicNeedsRecommendation() ? " and (e.unit is not null or e.recommendedAt is not null)" : ""),
                Long.class).setParameter("contest", contest).setParameter("status", EntryStatus.ACCEPTED)
                .getSingleResult().intValue();
    }

    public Round find(long roundId) {
        return round(roundId, false);
    }

    /**
     * Sets up a round on the contest's accepted entries (all, or one category's) or on the top N of an earlier
     * closed round. Numbers the organiser left out take their defaults; 评选数量 may not exceed the entries taken.
     */
    public Round create(String contestCode, RoundSource source, RoundRules given, List<String> judgeUsernames) {
        Contest contest = contests.byCode(contestCode);
        // Two organisers creating rounds at once would take the same sequence number.
        em.lock(contest, LockModeType.PESSIMISTIC_WRITE);
        List<Account> panel = panel(judgeUsernames);
        Category category = null;
        Round previous = null;
        List<Entry> taken;
        if (source.fromPreviousRound()) {
            previous = em.find(Round.class, source.previousRoundId());
            if (previous == null || !previous.getContest().getId().equals(contest.getId())) {
                throw InvalidInputException.of("source", "judging.round.sourceUnknown");
            }
            taken = fromPrevious(previous, source.top());
        } else {
            if (source.categoryId() != null) {
                category = contest.category(source.categoryId())
                        .orElseThrow(() -> InvalidInputException.of("category", "judging.round.categoryUnknown"));
            }
            taken = pool(contest, category);
        }
        RoundRules rules = given.withDefaults(taken.size());
        check(rules, panel, taken.isEmpty() ? null : taken.size());
        if (taken.isEmpty()) {
            throw LaurelException.conflict("judging.round.noEntries");
        }
        Integer last = em.createQuery("select max(r.sequenceNo) from Round r where r.contest = :contest", Integer.class)
                .setParameter("contest", contest).getSingleResult();
        Round round = new Round(contest, last == null ? 1 : last + 1, rules, panel, category, previous, source.top());
        em.persist(round);
        for (int i = 0; i < taken.size(); i++) {
            em.persist(new RoundEntry(round, taken.get(i), i + 1));
        }
        audit.record(caller.name(), "ROUND_CREATED", "contest:" + contestCode, rules.name() + " " + rules.method());
        return round;
    }

    /**
     * Changes the rules and panel of a round still being set up (opening freezes them), made from version
     * {@code expectedVersion} (null: unchecked).
     */
    public Round update(long roundId, RoundRules given, List<String> judgeUsernames, Long expectedVersion) {
        Round round = round(roundId, true);
        versions.expect(round.getVersion(), expectedVersion, "round:" + roundId, List::of);
        int entries = entries(round).size();
        RoundRules rules = given.withDefaults(entries);
        List<Account> panel = panel(judgeUsernames);
        check(rules, panel, entries);
        round.dropCriteria();
        em.flush();
        round.configure(rules, panel);
        audit.record(caller.name(), "ROUND_UPDATED", "round:" + roundId, rules.name() + " " + rules.method());
        versions.advance(round, round::getVersion);
        return round;
    }

    /** Removes a round set up by mistake; only before it opens, and not one a later round takes its entries from. */
    public void delete(long roundId) {
        Round round = round(roundId, true);
        if (round.getStatus() != RoundStatus.SETUP) {
            throw LaurelException.conflict("judging.round.notInSetup");
        }
        // Recorded first, while the round can still tell the audit trail its contest.
        audit.record(caller.name(), "ROUND_DELETED", "round:" + roundId, round.getName());
        em.createQuery("delete from Conflict c where c.round = :round").setParameter("round", round).executeUpdate();
        em.createQuery("delete from RoundEntry re where re.round = :round").setParameter("round", round).executeUpdate();
        em.remove(round);
    }

    /**
     * The contest's judging pool (see {@link Entry#isInJudgingPool}), all of it or one category's. The category is
     * a condition only when given: EclipseLink cannot bind an entity to {@code :category is null}.
     */
    private List<Entry> pool(Contest contest, Category category) {
        TypedQuery<Entry> query = em.createQuery("select e from Entry e where e.contest = :contest and e.status = :status"
                        + (category == null ? "" : " and e.category = :category") + " order by e.receiptNo", Entry.class)
                .setParameter("contest", contest).setParameter("status", EntryStatus.ACCEPTED);
        if (category != null) {
            query.setParameter("category", category);
        }
        return query.getResultList().stream().filter(Entry::isInJudgingPool).toList();
    }

    /** The entries a closed round passes on: its first {@code top} places, or those it selected. */
    private List<Entry> fromPrevious(Round previous, Integer top) {
        if (previous.getStatus() != RoundStatus.CLOSED) {
            throw LaurelException.conflict("judging.round.sourceNotClosed");
        }
        List<FrozenRanking.Line> lines = FrozenRanking.read(previous.getRankingJson());
        if (top != null && (top < 1 || top > lines.size())) {
            throw InvalidInputException.of("top", "judging.round.sourceTop", lines.size());
        }
        Map<String, Entry> byCode = new HashMap<>();
        entries(previous).forEach(re -> byCode.put(re.getCode(), re.getEntry()));
        if (top != null && top < lines.size() && lines.get(top - 1).rank() == lines.get(top).rank()) {
            int shared = lines.get(top).rank();
            throw LaurelException.conflict("judging.round.sourceTopSplitsTie", top, String.join("、",
                    lines.stream().filter(l -> l.rank() == shared).map(FrozenRanking.Line::code).toList()));
        }
        List<FrozenRanking.Line> passed = top == null ? lines.stream().filter(FrozenRanking.Line::selected).toList()
                : lines.subList(0, top);
        // Numbered afresh in receipt order: codes in ranking order would tell the new panel the old result.
        return passed.stream().map(line -> byCode.get(line.code()))
                .filter(Entry::isInJudgingPool)
                .sorted(java.util.Comparator.comparing(Entry::getReceiptNo)).toList();
    }

    /**
     * Opens the round: the rules freeze and every judge gets their scorecards. Refused, naming the entries, when
     * conflicts leave an entry fewer eligible judges than it needs (the round could never close).
     * <p>
     * Built for 40,000 entries and 300 judges: one read of the entries' ids, units and codes (not the entries with
     * their texts), one of the recorded conflicts, the assignment in memory ({@link PanelAssignment}) and the
     * scorecards as multi-row INSERTs in this transaction ({@link NewScorecards}). The round's row lock keeps a
     * second opening out; nothing is held in this process.
     */
    public Round open(long roundId) {
        Round round = round(roundId, true);
        if (round.getStatus() != RoundStatus.SETUP) {
            throw LaurelException.conflict("judging.round.notInSetup");
        }
        // Sorted, so the same round gets the same assignment whatever order the database returns the panel in.
        List<Account> panel = round.getJudges().stream().sorted(java.util.Comparator.comparing(Account::getUsername)).toList();
        List<Object[]> rows = em.createQuery("select re.id, re.code, e.id, u.id, t.id from RoundEntry re join re.entry e"
                + " left join e.unit u left join e.township t where re.round = :round order by re.code", Object[].class)
                .setParameter("round", round).getResultList();
        RoundConflicts.Excluder excluder = RoundConflicts.of(em, round).excluder(panel);
        long[] ids = new long[rows.size()];
        int[][] excluded = new int[rows.size()][];
        int need = round.getAssignmentMode() == AssignmentMode.BALANCED ? round.getJudgesPerEntry() : round.getMinScores();
        List<String> short_ = new ArrayList<>();
        int conflicts = 0;
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            ids[i] = (Long) row[0];
            excluded[i] = java.util.Arrays.stream(excluder.excluded((Long) row[2], (Long) row[3], (Long) row[4])).distinct().toArray();
            conflicts += excluded[i].length;
            if (panel.size() - excluded[i].length < need) {
                short_.add((String) row[1]);
            }
        }
        if (!short_.isEmpty()) {
            throw tooFewEligible(short_, need);
        }
        int[][] assignment = round.getAssignmentMode() == AssignmentMode.ALL
                ? PanelAssignment.all(panel.size(), excluded)
                : PanelAssignment.balanced(ids, panel.size(), round.getJudgesPerEntry(), excluded, roundId);
        NewScorecards.insert(em, roundId, ids, assignment, panel.stream().mapToLong(Account::getId).toArray(), clock.instant());
        round.open(clock.instant());
        audit.record(caller.name(), "ROUND_OPENED", "round:" + roundId, conflicts + " conflicts");
        opened.fire(new RoundOpened(roundId));
        return round;
    }

    /** The short entries by code; past twenty, the first twenty and how many in all (a message is not a list). */
    private static LaurelException tooFewEligible(List<String> codes, int need) {
        if (codes.size() <= 20) {
            return LaurelException.conflict("judging.round.tooFewEligible", String.join("、", codes), need);
        }
        return LaurelException.conflict("judging.round.tooFewEligibleMany", String.join("、", codes.subList(0, 20)), need,
                codes.size());
    }

    /** The entry codes on each judge's scorecards. */
    public Map<String, List<String>> assignments(long roundId) {
        Map<String, List<String>> byJudge = new java.util.TreeMap<>();
        for (Scorecard card : scorecards(round(roundId, false))) {
            byJudge.computeIfAbsent(card.getJudge().getUsername(), k -> new ArrayList<>()).add(card.getRoundEntry().getCode());
        }
        byJudge.values().forEach(java.util.Collections::sort);
        return byJudge;
    }

    /**
     * Every entry and every judge of the round, at 0/0 until they hold scorecards: the ones that block show. Two
     * grouped statements, whatever the size of the round.
     */
    public Progress progress(long roundId) {
        return progress(round(roundId, false));
    }

    private Progress progress(Round round) {
        long roundId = round.getId();
        Map<String, int[]> byJudge = new HashMap<>();
        round.getJudges().forEach(j -> byJudge.put(j.getUsername(), new int[2]));
        return Progress.of(RoundSheets.progressByEntry(RoundSheets.Rows.of(em), roundId), RoundSheets.progressByJudge(RoundSheets.Rows.of(em), roundId, byJudge));
    }

    /**
     * The ranking with the figures to judge it by: live from the scorecards submitted so far while the round is
     * open, the frozen snapshot once it is closed. Computed once per change of what it depends on
     * ({@link RoundFigures}), not per view: the counts of committed changes are read before the first statement,
     * so figures computed from older rows are never filed under a newer count.
     */
    public RoundResult ranking(long roundId) {
        long scoreChanges = CommitCounter.of(Scorecard.scoresOf(roundId));
        long entryChanges = CommitCounter.of(Entry.class);
        Round round = round(roundId, false);
        if (round.getStatus() == RoundStatus.SETUP) {
            return figures(round);
        }
        RoundFigures.Key key = new RoundFigures.Key(round.getVersion(), scoreChanges, entryChanges);
        RoundResult result = figures.get(roundId, key, () -> figures(round));
        return new RoundResult(round, result.ranking(), result.codes(), result.stability(), result.disagreements(),
                result.judges(), result.kendallsW(), result.rescaled(), result.cutApplied(), result.labels(), result.progress());
    }

    private RoundResult figures(Round round) {
        Map<Long, String> codes = RoundSheets.codes(RoundSheets.Rows.of(em), round.getId(), true);
        Ranking raw = Ranker.rank(RoundSheets.sums(RoundSheets.Rows.of(em), round.getId(), round.getMethod()), round.getMethod(), round.getSelectCount());
        List<EntryTotals> sheet = RoundSheets.sheet(RoundSheets.Rows.of(em), round.getId());
        Ranking ranking;
        boolean cutApplied;
        if (round.getStatus() == RoundStatus.CLOSED) {
            Map<String, Long> ids = new HashMap<>();
            RoundSheets.codes(RoundSheets.Rows.of(em), round.getId(), false).forEach((id, code) -> {
                ids.put(code, id);
                codes.put(id, code);
            });
            ranking = FrozenRanking.ranking(round.getRankingJson(), ids, round.getMethod(), round.getSelectCount());
            cutApplied = FrozenRanking.cutApplied(round.getRankingJson());
        } else {
            ranking = settled(round, raw, codes);
            cutApplied = ranking != raw;
        }
        int maxPoints = round.rubric().maxPoints();
        Set<Long> disagreements = new HashSet<>(PanelStatistics.disagreements(sheet, maxPoints, round.getDisagreementPct()));
        Map<Long, BigDecimal> rescaled = new HashMap<>();
        if (round.getMethod() == AggregationMethod.ZSCORE) {
            ScoreSums sums = ScoreSums.of(sheet);
            ranking.order().forEach(e -> rescaled.put(e.entryId(), Ranker.rescaled(e.value(), sums)));
        }
        int top = ranking.hasTieAtCut() ? round.getSelectCount() : ranking.selectedSize();
        return new RoundResult(round, ranking, codes, Stability.topShare(sheet, round.getMethod(), top), disagreements,
                PanelStatistics.judges(sheet), round.getAssignmentMode() == AssignmentMode.ALL ? kendallsW(round, sheet) : null,
                rescaled, cutApplied, RoundSheets.labels(RoundSheets.Rows.of(em), round.getId()), progress(round));
    }

    /** The ranking from the database's sums, now: what closing and settling a tie decide on is never a cached figure. */
    private Ranking rankingNow(Round round) {
        return Ranker.rank(RoundSheets.sums(RoundSheets.Rows.of(em), round.getId(), round.getMethod()), round.getMethod(), round.getSelectCount());
    }

    /** Kendall's W over the entries every judge of the panel has scored; null when fewer than two. */
    private static Double kendallsW(Round round, List<EntryTotals> sheet) {
        List<String> judges = round.getJudges().stream().map(Account::getUsername).toList();
        List<EntryTotals> complete = sheet.stream().filter(row -> row.totals().size() == judges.size()).toList();
        double w = PanelStatistics.kendallsW(complete, judges);
        return Double.isNaN(w) ? null : w;
    }

    /** Applies the organiser's settlement of a tie at the cut while the tied entries are still the same ones. */
    private static Ranking settled(Round round, Ranking ranking, Map<Long, String> codes) {
        if (!ranking.hasTieAtCut() || round.getCutDecision() == null) {
            return ranking;
        }
        Map<String, Long> ids = new HashMap<>();
        codes.forEach((id, code) -> ids.put(code, id));
        List<Long> order = round.getCutOrder().stream().map(ids::get).toList();
        if (!ranking.isTieGroup(order)) {
            return ranking;
        }
        return round.getCutDecision() == CutDecision.SELECT_ALL ? ranking.selectingAll() : ranking.ordered(order);
    }

    /**
     * Settles a tie across the cut: the tied entries in a written order, or all of them selected. The reason is
     * required and audited, because the public notice may be asked why.
     */
    public Round resolveCut(long roundId, CutDecision decision, List<String> orderedCodes, String reason) {
        Round round = round(roundId, true);
        round.requireOpen();
        if (decision == null) {
            throw InvalidInputException.of("decision", "validation.required");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw InvalidInputException.of("reason", "judging.cut.reason");
        }
        Map<Long, String> codes = codes(round);
        Ranking ranking = rankingNow(round);
        Map<String, Long> ids = new HashMap<>();
        codes.forEach((id, code) -> ids.put(code, id));
        List<String> given = orderedCodes == null ? List.of() : orderedCodes;
        if (!ranking.hasTieAtCut()) {
            throw LaurelException.conflict("judging.cut.noTie");
        }
        List<String> tied = ranking.tiedAtCut().stream().map(e -> codes.get(e.entryId())).toList();
        if (decision == CutDecision.SELECT_ALL && given.isEmpty()) {
            given = tied;
        }
        if (!ranking.isTieGroup(given.stream().map(ids::get).toList())) {
            throw InvalidInputException.of("order", "judging.cut.notTheTie", String.join("、", tied));
        }
        round.resolveCut(decision, given, reason.strip());
        audit.record(caller.name(), "ROUND_CUT_RESOLVED", "round:" + roundId, decision + " " + String.join(",", given) + ": " + reason.strip());
        return round;
    }

    /** The codes of the round's entries still in play (an entry withdrawn or disqualified since is not ranked). */
    private Map<Long, String> codes(Round round) {
        return RoundSheets.codes(RoundSheets.Rows.of(em), round.getId(), true);
    }

    /**
     * Closes the round when every entry has its minimum of scores and no tie straddles the cut; the ranking is
     * frozen as JSON with the round.
     */
    public Round close(long roundId) {
        Round round = round(roundId, true);
        round.requireOpen();
        Map<Long, String> codes = codes(round);
        Ranking raw = rankingNow(round);
        Map<Long, Integer> counts = new HashMap<>();
        raw.order().forEach(e -> counts.put(e.entryId(), e.scoreCount()));
        List<String> missing = codes.entrySet().stream()
                .filter(e -> counts.getOrDefault(e.getKey(), 0) < round.getMinScores()).map(Map.Entry::getValue).sorted().toList();
        if (!missing.isEmpty()) {
            throw LaurelException.conflict("judging.round.missingScores", String.join("、", missing), round.getMinScores());
        }
        Ranking ranking = settled(round, raw, codes);
        if (ranking.hasTieAtCut()) {
            throw LaurelException.conflict("judging.round.tieAtCut",
                    String.join("、", ranking.tiedAtCut().stream().map(e -> codes.get(e.entryId())).toList()));
        }
        round.close(FrozenRanking.write(round, ranking, codes, ranking != raw), clock.instant());
        audit.record(caller.name(), "ROUND_CLOSED", "round:" + roundId, ranking.selectedSize() + " selected");
        return round;
    }

    /**
     * The complete score sheet for export: every scorecard (drafts marked) and the ranking from the submitted ones,
     * with a settled tie at the cut applied, so that anyone can recompute the published order from it; for the
     * organiser it also names each entry (title, unit) and each judge.
     */
    public ScoreSheet scoreSheet(long roundId) {
        Round round = round(roundId, false);
        if (round.getStatus() == RoundStatus.SETUP) {
            throw LaurelException.conflict("judging.round.notOpen");
        }
        RoundResult result = ranking(roundId);
        Set<Long> inPlay = result.codes().keySet();
        List<String> panel = round.getJudges().stream().map(Account::getUsername).sorted().toList();
        Map<Long, String> usernames = new HashMap<>();
        round.getJudges().forEach(j -> usernames.put(j.getId(), j.getUsername()));
        ScoreGrid grid = ScoreGridQuery.read(em, roundId, round.rubric().criteria(), panel, usernames, result.codes());
        String cutNote = result.cutApplied() ? round.getCutDecision() + " " + String.join(",", round.getCutOrder())
                + ": " + round.getCutReason() : null;
        // Titles and units read as columns: the entries as entities would bring every story's text along.
        Map<Long, ScoreSheet.EntryLabel> labels = new HashMap<>();
        for (Object[] row : em.createQuery("select re.id, e.title, u.name, t.name from RoundEntry re join re.entry e"
                + " left join e.unit u left join e.township t where re.round = :round", Object[].class)
                .setParameter("round", round).getResultList()) {
            if (inPlay.contains((Long) row[0])) {
                labels.put((Long) row[0], new ScoreSheet.EntryLabel((String) row[1], (String) (row[2] != null ? row[2] : row[3])));
            }
        }
        Map<String, String> judgeNames = new HashMap<>();
        round.getJudges().forEach(j -> judgeNames.put(j.getUsername(), j.getDisplayName() == null ? j.getUsername() : j.getDisplayName()));
        return new ScoreSheet(round.getContest().getTitle(), round.getName(), round.getMethod(), round.getSelectCount(),
                round.rubric().criteria(), panel, grid,
                result.ranking(), result.codes(), cutNote, labels, judgeNames);
    }

    /** The codes of the round's entries in order: one column, not 40,000 entries with their stories. */
    public List<String> entryCodes(Round round) {
        return em.createQuery("select re.code from RoundEntry re where re.round = :round order by re.code", String.class)
                .setParameter("round", round).getResultList();
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

    private List<Account> panel(List<String> usernames) {
        List<Account> panel = new ArrayList<>();
        for (String username : usernames == null ? List.<String>of() : usernames.stream().distinct().toList()) {
            Account judge = accounts.byUsername(username).filter(a -> a.hasRole(Role.JUDGE))
                    .orElseThrow(() -> InvalidInputException.of("judges", "judging.round.notAJudge", username));
            panel.add(judge);
        }
        return panel;
    }

    /** The rules' field errors, all at once; {@code entries} is how many the round judges (null: none yet). */
    private static void check(RoundRules rules, List<Account> panel, Integer entries) {
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
        if (entries != null) {
            rules.selectCountRefusal(entries).ifPresent(errors::add);
        }
        if (rules.minScores() < 1 || rules.disagreementPct() < 1 || rules.disagreementPct() > 100) {
            errors.add(new FieldError("rules", "judging.round.numbers"));
        } else if (!panel.isEmpty() && rules.minScores() > panel.size()) {
            errors.add(new FieldError("minScores", "judging.round.minAbovePanel", panel.size()));
        } else if (rules.mode() == AssignmentMode.BALANCED && rules.judgesPerEntry() != null
                && rules.minScores() > rules.judgesPerEntry()) {
            errors.add(new FieldError("minScores", "judging.round.minAbovePerEntry", rules.judgesPerEntry()));
        }
        if (rules.commentBelow() != null && rules.commentAbove() != null && rules.commentBelow() > rules.commentAbove()) {
            errors.add(new FieldError("comment", "judging.round.commentOrder"));
        }
        if (rules.rubric() == null) {
            errors.add(new FieldError("criteria", "judging.round.rubric"));
        } else if (outside(rules.commentBelow(), rules.rubric()) || outside(rules.commentAbove(), rules.rubric())) {
            errors.add(new FieldError("comment", "judging.round.commentBounds", rules.rubric().maxPoints()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static boolean outside(Integer bound, Rubric rubric) {
        return bound != null && (bound < 0 || bound > rubric.maxPoints());
    }
}
