package app.laurel.judging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A round's submitted totals as sums, in half points (by SQL's GROUP BY for the means, or from each card read once for
 * the median and z-scores: {@link RoundSheets#sums}): whole numbers, so
 * the sums are exact and {@link Ranker} turns them into the very figures it computes from the totals themselves,
 * digit for digit. The counts of odd totals carry what the sums lose: whether a sum of points was written with a
 * ".5" place (7.5 + 7.5 is 15.0, not 15), so that even the written form of each figure is the same.
 * {@code cards} (entry, judge, total) is needed for z-scores only, and is empty for the other methods.
 */
public record ScoreSums(List<Entry> entries, Map<String, Judge> judges, List<Card> cards) {

    /**
     * One entry's submitted totals: how many, their sum, the sum on the primary criterion, lowest and highest, how
     * many totals (and primary scores) are odd, and the middle one or two totals for the median (equal for an odd count).
     */
    public record Entry(long entryId, int count, long sum, long primarySum, int lowest, int highest, int oddTotals,
                        int oddPrimaries, int lowMiddle, int highMiddle) {
    }

    /** One judge's totals over the round: how many, their sum, the sum of their squares, how many are odd. */
    public record Judge(String judge, long count, long sum, long squares, long oddTotals) {

        Judge plus(Judge other) {
            return new Judge(judge, count + other.count, sum + other.sum, squares + other.squares, oddTotals + other.oddTotals);
        }
    }

    /** One submitted total, for the z-scores. */
    public record Card(long entryId, String judge, int total) {
    }

    public ScoreSums {
        entries = List.copyOf(entries);
        judges = Map.copyOf(judges);
        cards = List.copyOf(cards);
    }

    /** The sums of a score sheet computed in Java: what the database's grouped statements return for the same cards. */
    public static ScoreSums of(List<EntryTotals> sheet) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Judge> judges = new LinkedHashMap<>();
        List<Card> cards = new ArrayList<>();
        for (EntryTotals row : sheet) {
            if (row.totals().isEmpty()) {
                continue;
            }
            int[] totals = row.totals().stream().mapToInt(JudgeTotal::totalHalfPoints).sorted().toArray();
            int n = totals.length;
            entries.add(new Entry(row.entryId(), n, Arrays.stream(totals).sum(),
                    row.totals().stream().mapToLong(JudgeTotal::primaryHalfPoints).sum(), totals[0], totals[n - 1],
                    (int) Arrays.stream(totals).filter(t -> t % 2 != 0).count(),
                    (int) row.totals().stream().filter(t -> t.primaryHalfPoints() % 2 != 0).count(),
                    totals[(n - 1) / 2], totals[n / 2]));
            for (JudgeTotal t : row.totals()) {
                long h = t.totalHalfPoints();
                judges.merge(t.judge(), new Judge(t.judge(), 1, h, h * h, h % 2), Judge::plus);
                cards.add(new Card(row.entryId(), t.judge(), t.totalHalfPoints()));
            }
        }
        return new ScoreSums(entries, judges, cards);
    }

    /** Every total of the round together, for rescaling z̄ to points. */
    Judge overall() {
        return judges.values().stream().reduce(new Judge("", 0, 0, 0, 0), Judge::plus);
    }

    /** The cards by entry, in the order read. */
    Map<Long, List<Card>> cardsByEntry() {
        Map<Long, List<Card>> byEntry = new HashMap<>();
        cards.forEach(c -> byEntry.computeIfAbsent(c.entryId(), k -> new ArrayList<>()).add(c));
        return byEntry;
    }
}
