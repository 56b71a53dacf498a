package app.laurel.judging;

import app.laurel.platform.persistence.Aggregates;
import app.laurel.submission.EntryStatus;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A round's submitted scores read as numbers, never as entities: the sums a ranking needs in one statement, or the
 * whole sheet (entry, judge, totals) in one statement for the
 * figures that need every total (bootstrap, Kendall's W, judges' leniency). Only entries still in play count: a
 * withdrawn or disqualified entry's scores are left out, as {@link RoundService} has always done.
 */
public final class RoundSheets {

    /** Runs a statement with positional parameters ?1, ?2 … and hands back its rows (JPA's native query; JDBC in a benchmark). */
    @FunctionalInterface
    public interface Rows {
        List<Object[]> select(String sql, Object... parameters);

        static Rows of(EntityManager em) {
            return (sql, parameters) -> Aggregates.rows(em, sql, parameters);
        }
    }

    private static final String IN_PLAY = Arrays.stream(EntryStatus.values()).filter(EntryStatus::isPublishable)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    /**
     * The round's submitted scorecards: one range of the index ix_scorecard_round (schema V35), in entry order, never a
     * scorecard row. Whether an entry is still in play is not joined per card (360,000 lookups of round_entry and
     * entry) but read once per entry ({@link #inPlay}) and applied here.
     */
    private static final String SUBMITTED_CARDS = " from scorecard s where s.round_id = ?1 and s.status = 'SUBMITTED'";

    private RoundSheets() {
    }

    /**
     * The sums {@link Ranker#rank(ScoreSums, AggregationMethod, int)} needs for {@code method}. The mean and the
     * trimmed mean need only sums, which one grouped statement gives; the median and z-scores need each total, so
     * for them every card is read once, from the index alone, and summed here: cheaper than a window function over
     * the cards (the median) or reading them a second time beside the sums (z-scores).
     */
    public static ScoreSums sums(Rows sql, long roundId, AggregationMethod method) {
        Set<Long> inPlay = inPlay(sql, roundId);
        if (method == AggregationMethod.MEDIAN || method == AggregationMethod.ZSCORE) {
            ScoreSums.Tally tally = new ScoreSums.Tally(method == AggregationMethod.ZSCORE);
            return cards(sql, roundId, inPlay, tally) ? tally.sums() : cardByCard(sql, roundId, inPlay, method);
        }
        List<ScoreSums.Entry> entries = new ArrayList<>();
        for (Object[] r : sql.select("select s.round_entry_id, count(*), sum(s.total_half_points),"
                + " sum(s.primary_half_points), min(s.total_half_points), max(s.total_half_points),"
                + " sum(s.total_half_points % 2), sum(s.primary_half_points % 2)" + SUBMITTED_CARDS
                + " group by s.round_entry_id order by s.round_entry_id", roundId)) {
            long roundEntry = Aggregates.number(r[0]);
            if (inPlay.contains(roundEntry)) {
                entries.add(new ScoreSums.Entry(roundEntry, (int) Aggregates.number(r[1]), Aggregates.number(r[2]),
                        Aggregates.number(r[3]), (int) Aggregates.number(r[4]), (int) Aggregates.number(r[5]),
                        (int) Aggregates.number(r[6]), (int) Aggregates.number(r[7]), 0, 0));
            }
        }
        return new ScoreSums(entries, Map.of(), List.of());
    }

    /** The round entries whose entry is still in play (not withdrawn or disqualified since the round opened). */
    private static Set<Long> inPlay(Rows sql, long roundId) {
        Set<Long> inPlay = new HashSet<>();
        for (Object[] r : sql.select("select re.id from round_entry re join entry e on e.id = re.entry_id"
                + " where re.round_id = ?1 and e.status in " + IN_PLAY, roundId)) {
            inPlay.add(Aggregates.number(r[0]));
        }
        return inPlay;
    }

    /**
     * Every submitted total of entries in play, added up entry by entry into {@code tally}, with the judge named by
     * account id: z-scores only need to tell judges apart, and the id is in the scorecard index, where the username
     * would cost a join per card. Read as one row per entry, its cards joined into a string ("judge:total:primary,…"):
     * 40,000 rows to fetch instead of 360,000, read where they lie rather than split into strings. A string cut short
     * by the server's group_concat_max_len (a round where every one of a hundred judges scores every entry) does not
     * add up to the entry's count and sums: then this answers false, and every card must be read as a row of its own.
     */
    private static boolean cards(Rows sql, long roundId, Set<Long> inPlay, ScoreSums.Tally tally) {
        Map<Long, String> judges = new HashMap<>();
        for (Object[] r : sql.select("select s.round_entry_id, count(*), sum(s.total_half_points), sum(s.primary_half_points),"
                + " group_concat(s.judge_id, ':', s.total_half_points, ':', s.primary_half_points)" + SUBMITTED_CARDS
                + " group by s.round_entry_id", roundId)) {
            long roundEntry = Aggregates.number(r[0]);
            if (!inPlay.contains(roundEntry)) {
                continue;
            }
            if (!JoinedCards.read(r[4], judges, tally, Aggregates.number(r[1]), Aggregates.number(r[2]), Aggregates.number(r[3]))) {
                return false;
            }
            tally.endEntry(roundEntry);
        }
        return true;
    }

    /** The same sums with every card read as a row of its own, in entry order (the index's), into a fresh tally. */
    private static ScoreSums cardByCard(Rows sql, long roundId, Set<Long> inPlay, AggregationMethod method) {
        Map<Long, String> judges = new HashMap<>();
        ScoreSums.Tally tally = new ScoreSums.Tally(method == AggregationMethod.ZSCORE);
        long entry = -1;
        for (Object[] r : sql.select("select s.round_entry_id, s.judge_id, s.total_half_points, s.primary_half_points"
                + SUBMITTED_CARDS + " order by s.round_entry_id", roundId)) {
            long roundEntry = Aggregates.number(r[0]);
            if (roundEntry != entry) {
                tally.endEntry(entry);
                entry = roundEntry;
            }
            if (inPlay.contains(roundEntry)) {
                tally.card(judges.computeIfAbsent(Aggregates.number(r[1]), String::valueOf), (int) Aggregates.number(r[2]),
                        (int) Aggregates.number(r[3]));
            }
        }
        tally.endEntry(entry);
        return tally.sums();
    }

    /** Every submitted total of entries in play, by entry, in the order the scorecards were made. */
    public static List<EntryTotals> sheet(Rows sql, long roundId) {
        Set<Long> inPlay = inPlay(sql, roundId);
        Map<Long, List<JudgeTotal>> rows = new LinkedHashMap<>();
        for (Object[] r : sql.select("select s.round_entry_id, a.username, s.total_half_points, s.primary_half_points"
                + " from scorecard s join account a on a.id = s.judge_id where s.round_id = ?1 and s.status = 'SUBMITTED'"
                + " order by s.id", roundId)) {
            long roundEntry = Aggregates.number(r[0]);
            if (inPlay.contains(roundEntry)) {
                rows.computeIfAbsent(roundEntry, k -> new ArrayList<>()).add(new JudgeTotal((String) r[1],
                        (int) Aggregates.number(r[2]), (int) Aggregates.number(r[3])));
            }
        }
        return rows.entrySet().stream().map(e -> new EntryTotals(e.getKey(), e.getValue())).toList();
    }

    /** The round's entry codes by round-entry id: of the entries still in play, or of all of them. */
    static Map<Long, String> codes(Rows sql, long roundId, boolean inPlayOnly) {
        Map<Long, String> codes = new HashMap<>();
        for (Object[] r : sql.select("select re.id, re.code from round_entry re join entry e on e.id = re.entry_id"
                + " where re.round_id = ?1" + (inPlayOnly ? " and e.status in " + IN_PLAY : ""), roundId)) {
            codes.put(Aggregates.number(r[0]), (String) r[1]);
        }
        return codes;
    }

    /** Submitted and assigned scorecards of each entry of the round, by code; an entry with none at 0/0. */
    static Map<String, int[]> progressByEntry(Rows sql, long roundId) {
        Map<String, int[]> byEntry = new HashMap<>();
        for (Object[] r : sql.select("select re.code, sum(case when s.status = 'SUBMITTED' then 1 else 0 end),"
                + " count(s.id) from round_entry re left join scorecard s on s.round_entry_id = re.id"
                + " where re.round_id = ?1 group by re.id, re.code", roundId)) {
            byEntry.put((String) r[0], new int[]{(int) Aggregates.number(r[1]), (int) Aggregates.number(r[2])});
        }
        return byEntry;
    }

    /** Submitted and assigned scorecards of each judge, added to {@code byJudge} (the panel at 0/0). */
    static Map<String, int[]> progressByJudge(Rows sql, long roundId, Map<String, int[]> byJudge) {
        // Grouped by judge from the round's range of ix_scorecard_round, then named: one account lookup per judge, not per card.
        for (Object[] r : sql.select("select a.username, g.submitted, g.assigned from (select s.judge_id,"
                + " sum(case when s.status = 'SUBMITTED' then 1 else 0 end) submitted, count(*) assigned from scorecard s"
                + " where s.round_id = ?1 group by s.judge_id) g join account a on a.id = g.judge_id", roundId)) {
            byJudge.put((String) r[0], new int[]{(int) Aggregates.number(r[1]), (int) Aggregates.number(r[2])});
        }
        return byJudge;
    }

    /** Title and unit (or township) name of each entry of the round, by code. */
    static Map<String, String[]> labels(Rows sql, long roundId) {
        Map<String, String[]> labels = new HashMap<>();
        for (Object[] r : sql.select("select re.code, e.title, coalesce(u.name, t.name) from round_entry re"
                + " join entry e on e.id = re.entry_id left join unit u on u.id = e.unit_id left join unit t on t.id = e.township_id"
                + " where re.round_id = ?1", roundId)) {
            labels.put((String) r[0], new String[]{(String) r[1], (String) r[2]});
        }
        return labels;
    }
}
