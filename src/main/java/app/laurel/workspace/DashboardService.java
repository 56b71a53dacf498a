package app.laurel.workspace;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.contest.Phase;
import app.laurel.contest.PhaseKind;
import app.laurel.identity.Roles;
import app.laurel.workspace.ContestDashboard.Count;
import app.laurel.workspace.ContestDashboard.JudgeLine;
import app.laurel.workspace.ContestDashboard.JudgeScores;
import app.laurel.workspace.ContestDashboard.Judging;
import app.laurel.workspace.ContestDashboard.UnitLine;
import app.laurel.platform.persistence.Aggregates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static app.laurel.platform.persistence.Aggregates.instant;
import static app.laurel.platform.persistence.Aggregates.number;
import static app.laurel.platform.persistence.Aggregates.shanghaiDay;

/**
 * A contest's dashboard in one call, for the page and the API alike: each chart is one grouped SQL statement over the
 * contest's rows (entries by day; by category, type and status together; units against their quotas; the round's
 * scorecards by judge, by entry, and the judges' totals; objections by state), so it costs the same handful of
 * statements for 40 entries as for 40,000. Native SQL because the buckets are SQL expressions (Asia/Shanghai days of
 * UTC times, counted units); it reads the features' tables and changes nothing, like the workspace.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class DashboardService {

    /** The statuses that count against a unit's quota, as {@code Entry.COUNTING} says. */
    private static final String COUNTING = "('SUBMITTED', 'ACCEPTED', 'RETURNED')";

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private ContestService contests;

    @Inject
    private Clock clock;

    public ContestDashboard dashboard(String contestCode) {
        Contest contest = contests.byCode(contestCode);
        long id = contest.getId();
        Instant deadline = contest.phase(PhaseKind.SUBMISSION).map(Phase::getEndsAt).orElse(null);
        Duration remaining = deadline == null ? null : Duration.between(clock.instant(), deadline);
        Breakdown breakdown = breakdown(contest);
        return new ContestDashboard(contest.getCode(), contest.getTitle(), deadline, remaining, byDay(id),
                breakdown.byCategory, breakdown.byType, breakdown.byStatus, units(id), judging(id), objections(id));
    }

    private List<Count> byDay(long contest) {
        String day = shanghaiDay("e.submitted_at");
        return counts(rows("select " + day + " d, count(*) from entry e where e.contest_id = ?1 and e.status not in ('DRAFT', 'WITHDRAWN')"
                + " and e.submitted_at is not null group by d order by d", contest));
    }

    private record Breakdown(List<Count> byCategory, List<Count> byType, List<Count> byStatus) {
    }

    /** One statement for three charts: at most categories × 2 types × 8 statuses rows, summed here. */
    private Breakdown breakdown(Contest contest) {
        Map<Long, String> names = new LinkedHashMap<>();
        contest.getCategories().forEach(c -> names.put(c.getId(), c.getName()));
        Map<String, Long> byCategory = new LinkedHashMap<>();
        names.values().forEach(name -> byCategory.put(name, 0L));
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        for (Object[] row : rows("select e.category_id, e.entry_type, e.status, count(*) from entry e where e.contest_id = ?1"
                + " and e.status <> 'DRAFT' group by e.category_id, e.entry_type, e.status", contest.getId())) {
            long n = number(row[3]);
            String status = (String) row[2];
            byStatus.merge(status, n, Long::sum);
            if (!status.equals("WITHDRAWN")) {
                byType.merge((String) row[1], n, Long::sum);
                String category = row[0] == null ? "" : names.getOrDefault(number(row[0]), "");
                byCategory.merge(category, n, Long::sum);
            }
        }
        return new Breakdown(list(byCategory), list(byType), list(byStatus));
    }

    /**
     * Every enrolled unit with the entries that count for it: its own, and citizens' naming it as township once it
     * recommended them (as {@code Entry.countByUnit}); counted in one pass over the contest's entries, then joined.
     */
    private List<UnitLine> units(long contest) {
        List<UnitLine> units = new ArrayList<>();
        for (Object[] row : rows("select u.name, coalesce(c.n, 0), cu.min_entries, cu.max_entries, cu.extended_until"
                + " from contest_unit cu join unit u on u.id = cu.unit_id left join ("
                + "   select case when e.unit_id is not null then e.unit_id else e.township_id end counted_unit, count(*) n"
                + "   from entry e where e.contest_id = ?1 and e.status in " + COUNTING
                + "   and (e.unit_id is not null or (e.township_id is not null and e.recommended_at is not null))"
                + "   group by counted_unit) c on c.counted_unit = cu.unit_id"
                + " where cu.contest_id = ?1 order by u.name", contest)) {
            units.add(new UnitLine((String) row[0], number(row[1]), (int) number(row[2]), (int) number(row[3]), instant(row[4])));
        }
        return units;
    }

    /** The round judges are working on (the open one, else the latest opened), by judge, by entry and by score. */
    private Judging judging(long contest) {
        List<Object[]> round = rows("select r.id, r.name, r.status from judging_round r where r.contest_id = ?1 and r.status <> 'SETUP'"
                + " order by case when r.status = 'OPEN' then 0 else 1 end, r.sequence_no desc limit 1", contest);
        if (round.isEmpty()) {
            return null;
        }
        long id = number(round.get(0)[0]);
        Map<Long, String> names = new LinkedHashMap<>();
        List<JudgeLine> judges = new ArrayList<>();
        for (Object[] row : rows("select a.id, a.display_name, sum(case when s.status = 'SUBMITTED' then 1 else 0 end), count(*)"
                + " from scorecard s join round_entry re on re.id = s.round_entry_id join account a on a.id = s.judge_id"
                + " where re.round_id = ?1 group by a.id, a.display_name order by a.display_name, a.id", id)) {
            names.put(number(row[0]), (String) row[1]);
            judges.add(new JudgeLine((String) row[1], number(row[2]), number(row[3])));
        }
        List<Count> byScores = new ArrayList<>();
        for (Object[] row : rows("select x.done, count(*) from (select re.id, sum(case when s.status = 'SUBMITTED' then 1 else 0 end) done"
                + " from round_entry re left join scorecard s on s.round_entry_id = re.id where re.round_id = ?1 group by re.id) x"
                + " group by x.done order by x.done", id)) {
            byScores.add(new Count(String.valueOf(number(row[0])), number(row[1])));
        }
        return new Judging(id, (String) round.get(0)[1], (String) round.get(0)[2], judges, byScores, scores(id, names));
    }

    /** Totals arrive sorted per judge, so the quartiles need no second pass: 40,000 × 9 rows of two numbers. */
    private List<JudgeScores> scores(long round, Map<Long, String> names) {
        Map<Long, List<Double>> totals = new LinkedHashMap<>();
        names.keySet().forEach(judge -> totals.put(judge, new ArrayList<>()));
        for (Object[] row : rows("select s.judge_id, s.total_half_points from scorecard s join round_entry re on re.id = s.round_entry_id"
                + " where re.round_id = ?1 and s.status = 'SUBMITTED' and s.total_half_points is not null"
                + " order by s.judge_id, s.total_half_points", round)) {
            totals.computeIfAbsent(number(row[0]), judge -> new ArrayList<>()).add(number(row[1]) / 2.0);
        }
        List<JudgeScores> scores = new ArrayList<>();
        totals.forEach((judge, values) -> {
            if (!values.isEmpty()) {
                scores.add(new JudgeScores(names.getOrDefault(judge, "#" + judge), BoxStats.of(values)));
            }
        });
        return scores;
    }

    /** Objections by state over the published notices; null while no notice has been published. */
    private List<Count> objections(long contest) {
        List<Object[]> rows = rows("select o.status, count(o.id) from notice n left join objection o on o.notice_id = n.id"
                + " where n.contest_id = ?1 and n.status <> 'DRAFT' group by o.status", contest);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Long> byStatus = new TreeMap<>();
        for (String status : List.of("RECEIVED", "UPHELD", "DISMISSED")) {
            byStatus.put(status, 0L);
        }
        rows.stream().filter(r -> r[0] != null).forEach(r -> byStatus.put((String) r[0], number(r[1])));
        return list(byStatus);
    }

    private List<Object[]> rows(String sql, long parameter) {
        return Aggregates.rows(em, sql, parameter);
    }

    private static List<Count> counts(List<Object[]> rows) {
        return rows.stream().map(r -> new Count(String.valueOf(r[0]), number(r[1]))).toList();
    }

    private static List<Count> list(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }
}
