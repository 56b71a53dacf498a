package app.laurel.publication;

import app.laurel.contest.Contest;
import app.laurel.identity.Account;
import app.laurel.identity.Roles;
import app.laurel.judging.PanelStatistics;
import app.laurel.judging.RankedEntry;
import app.laurel.judging.Round;
import app.laurel.judging.RoundResult;
import app.laurel.judging.RoundService;
import app.laurel.judging.RoundStatus;
import app.laurel.platform.error.LaurelException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers the results report (评审结果报告) of a closed round for the file: organisers only, since it names the judges
 * and the objectors' outcome. The ranking, Kendall's W and the judges' figures are the round's own
 * ({@link RoundService#ranking}, as the page and the API show them); the rest comes from a handful of queries
 * whatever the number of entries: titles and units only for the lines printed, rounds and notice as projections.
 * <p>
 * How much of the ranking is printed: all of it when the round ranked at most {@value #WHOLE_RANKING} entries (a
 * final round); otherwise the selected entries and the next {@value #BEYOND_SELECTED}, extended to the end of a
 * shared rank and to every entry the notice holds. The score sheet export has the rest.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class ResultsReportService {

    static final int WHOLE_RANKING = 100;
    static final int BEYOND_SELECTED = 20;

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private RoundService rounds;

    @Inject
    private Clock clock;

    public ResultsReport report(long roundId) {
        Round round = rounds.find(roundId);
        if (round.getStatus() != RoundStatus.CLOSED) {
            throw LaurelException.conflict("report.roundNotClosed");
        }
        RoundResult result = rounds.ranking(roundId);
        Contest contest = round.getContest();
        Instant now = clock.instant();
        ResultsReport.NoticePart notice = null;
        Map<String, ResultsReport.NoticeMark> marks = new HashMap<>();
        Map<Long, String> codeOfEntry = new HashMap<>();
        Object[] found = em.createQuery("select n.id, n.title, n.status, n.startsAt, n.endsAt, n.resultText from Notice n"
                + " where n.round = :round", Object[].class).setParameter("round", round).getResultStream().findFirst().orElse(null);
        if (found != null) {
            long noticeId = (Long) found[0];
            for (Object[] line : em.createQuery("select ne.code, ne.status, ne.promotedAt, ne.entry.id from NoticeEntry ne"
                    + " where ne.notice.id = :notice", Object[].class).setParameter("notice", noticeId).getResultList()) {
                codeOfEntry.put((Long) line[3], (String) line[0]);
                marks.put((String) line[0], !"LISTED".equals(line[1]) ? ResultsReport.NoticeMark.DISQUALIFIED
                        : line[2] != null ? ResultsReport.NoticeMark.PROMOTED : ResultsReport.NoticeMark.NONE);
            }
            notice = new ResultsReport.NoticePart((String) found[1],
                    NoticePhase.of((NoticeStatus) found[2], (Instant) found[3], (Instant) found[4], now),
                    (Instant) found[3], (Instant) found[4], (String) found[5], corrections(noticeId),
                    objections(noticeId, codeOfEntry));
        }
        List<ResultsReport.Row> rows = rows(round, result, marks);
        Map<String, String> names = new HashMap<>();
        round.getJudges().forEach(j -> names.put(j.getUsername(), name(j)));
        List<ResultsReport.JudgeLine> judges = result.judges().stream()
                .map(f -> judge(f, names.getOrDefault(f.judge(), f.judge())))
                .sorted(Comparator.comparing(ResultsReport.JudgeLine::name, Collator.getInstance(Locale.CHINA))).toList();
        ResultsReport.Cut cut = result.cutApplied()
                ? new ResultsReport.Cut(round.getCutDecision(), round.getCutOrder(), round.getCutReason()) : null;
        return new ResultsReport(contest.getTitle(), contest.getOrganisingBody(), contest.getUndertakingBody(),
                roundsUpTo(round), result.ranking().order().size(), rows, cut, result.kendallsW(), judges,
                round.rubric().maxPoints(), round.rubric().primary().name(), notice, now);
    }

    /** This round and the ones before it, each with its entry count from one grouped query. */
    private List<ResultsReport.RoundPart> roundsUpTo(Round round) {
        Map<Long, Long> entries = new HashMap<>();
        em.createQuery("select re.round.id, count(re) from RoundEntry re where re.round.contest = :contest group by re.round.id",
                        Object[].class).setParameter("contest", round.getContest()).getResultList()
                .forEach(row -> entries.put((Long) row[0], (Long) row[1]));
        List<Round> earlier = em.createQuery("select r from Round r where r.contest = :contest and r.sequenceNo <= :last"
                        + " order by r.sequenceNo", Round.class).setParameter("contest", round.getContest())
                .setParameter("last", round.getSequenceNo()).getResultList();
        Collator chinese = Collator.getInstance(Locale.CHINA);
        return earlier.stream().map(r -> new ResultsReport.RoundPart(r.getName(), r.getSequenceNo(),
                entries.getOrDefault(r.getId(), 0L).intValue(), r.getAssignmentMode(), r.getJudgesPerEntry(), r.getMethod(),
                r.getMinScores(), r.getSelectCount(), r.rubric().criteria(),
                r.getJudges().stream().map(ResultsReportService::name).sorted(chinese).toList(), r.getClosedAt())).toList();
    }

    /** The printed part of the frozen ranking, with receipt number, title and unit read for those lines alone. */
    private List<ResultsReport.Row> rows(Round round, RoundResult result, Map<String, ResultsReport.NoticeMark> marks) {
        List<RankedEntry> order = result.ranking().order();
        int shown = printed(order, result.ranking().selectedSize());
        for (int i = shown; i < order.size(); i++) {
            if (marks.containsKey(result.codes().get(order.get(i).entryId()))) {
                shown = i + 1;
            }
        }
        List<RankedEntry> printed = order.subList(0, shown);
        Map<String, Object[]> labels = new HashMap<>();
        if (!printed.isEmpty()) {
            em.createQuery("select re.code, e.receiptNo, e.title, u.name, t.name, e.author.organisation from RoundEntry re"
                            + " join re.entry e left join e.unit u left join e.township t"
                            + " where re.round = :round and re.code in :codes", Object[].class)
                    .setParameter("round", round)
                    .setParameter("codes", printed.stream().map(e -> result.codes().get(e.entryId())).toList())
                    .getResultList().forEach(row -> labels.put((String) row[0], row));
        }
        List<ResultsReport.Row> rows = new ArrayList<>();
        for (RankedEntry e : printed) {
            String code = result.codes().get(e.entryId());
            Object[] label = labels.getOrDefault(code, new Object[6]);
            BigDecimal rescaled = result.rescaled().get(e.entryId());
            rows.add(new ResultsReport.Row(e.rank(), code, (String) label[1], (String) label[2],
                    firstPresent((String) label[3], (String) label[4], (String) label[5]), e.displayValue(),
                    rescaled == null ? null : rescaled.setScale(2, RoundingMode.HALF_UP), e.scoreCount(),
                    result.ranking().isSelected(e), result.stability().get(e.entryId()),
                    marks.getOrDefault(code, ResultsReport.NoticeMark.NONE)));
        }
        return rows;
    }

    /** How many lines of a ranking the report prints (see the class comment); never ends inside a shared rank. */
    static int printed(List<RankedEntry> order, int selected) {
        if (order.size() <= WHOLE_RANKING) {
            return order.size();
        }
        int shown = Math.min(order.size(), selected + BEYOND_SELECTED);
        while (shown > 0 && shown < order.size() && order.get(shown).rank() == order.get(shown - 1).rank()) {
            shown++;
        }
        return shown;
    }

    private List<String> corrections(long noticeId) {
        return em.createQuery("select c.text from NoticeCorrection c where c.notice.id = :notice order by c.createdAt", String.class)
                .setParameter("notice", noticeId).getResultList();
    }

    private List<ResultsReport.ObjectionLine> objections(long noticeId, Map<Long, String> codeOfEntry) {
        return em.createQuery("select o.receiptNo, e.id, e.title, o.createdAt, o.status, o.investigation, o.reply"
                        + " from Objection o join o.entry e where o.notice.id = :notice order by o.createdAt", Object[].class)
                .setParameter("notice", noticeId).getResultList().stream()
                .map(o -> new ResultsReport.ObjectionLine((String) o[0], codeOfEntry.get((Long) o[1]), (String) o[2],
                        (Instant) o[3], (ObjectionStatus) o[4], (String) o[5], (String) o[6])).toList();
    }

    private static ResultsReport.JudgeLine judge(PanelStatistics.JudgeFigures f, String name) {
        return new ResultsReport.JudgeLine(name, f.scored(), two(f.mean()), two(f.sd()), two(f.leniency()));
    }

    private static String name(Account judge) {
        return judge.getDisplayName() == null || judge.getDisplayName().isBlank() ? judge.getUsername() : judge.getDisplayName();
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }

    private static BigDecimal two(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
