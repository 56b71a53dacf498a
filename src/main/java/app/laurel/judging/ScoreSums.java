package app.laurel.judging;

import java.util.ArrayList;
import java.util.Arrays;
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
        Tally tally = new Tally(true);
        for (EntryTotals row : sheet) {
            for (JudgeTotal t : row.totals()) {
                tally.card(t.judge(), t.totalHalfPoints(), t.primaryHalfPoints());
            }
            tally.endEntry(row.entryId());
        }
        return tally.sums();
    }

    /**
     * Adds up a round card by card, entry after entry, keeping only the figures: a 40,000-entry round has 360,000
     * cards, and holding each as an object (with its list and the streams over it) while the ranking is built made
     * every young collection copy them, pauses of 50–250 ms on two cores. The cards themselves, and the judges'
     * figures made from them, are kept only where the z-scores need them.
     */
    static final class Tally {

        private final boolean keepCards;
        private final List<Entry> entries = new ArrayList<>();
        /** By judge: count, sum, sum of squares, odd totals. */
        private final Map<String, long[]> judges = new LinkedHashMap<>();
        private final List<Card> cards = new ArrayList<>();
        private String[] judgeOf = new String[16];
        private int[] totals = new int[16];
        private int[] sorted = new int[16];
        private int count;
        private long primarySum;
        private int oddPrimaries;

        Tally(boolean keepCards) {
            this.keepCards = keepCards;
        }

        /** One card of the entry being added up. */
        void card(String judge, int total, int primary) {
            if (count == totals.length) {
                judgeOf = Arrays.copyOf(judgeOf, count * 2);
                totals = Arrays.copyOf(totals, count * 2);
                sorted = new int[count * 2];
            }
            judgeOf[count] = judge;
            totals[count++] = total;
            primarySum += primary;
            oddPrimaries += primary % 2 != 0 ? 1 : 0;
        }

        /** Closes the entry whose cards were just given; an entry without cards is left out, as it is unranked. */
        void endEntry(long entryId) {
            if (count > 0) {
                System.arraycopy(totals, 0, sorted, 0, count);
                Arrays.sort(sorted, 0, count);
                long sum = 0;
                int odd = 0;
                for (int i = 0; i < count; i++) {
                    long h = totals[i];
                    sum += h;
                    odd += h % 2 != 0 ? 1 : 0;
                    if (keepCards) {
                        long[] judge = judges.computeIfAbsent(judgeOf[i], k -> new long[4]);
                        judge[0]++;
                        judge[1] += h;
                        judge[2] += h * h;
                        judge[3] += h % 2;
                        cards.add(new Card(entryId, judgeOf[i], totals[i]));
                    }
                }
                entries.add(new Entry(entryId, count, sum, primarySum, sorted[0], sorted[count - 1], odd, oddPrimaries,
                        sorted[(count - 1) / 2], sorted[count / 2]));
            }
            count = 0;
            primarySum = 0;
            oddPrimaries = 0;
        }

        /** The sums; judges' figures and cards only where the cards were kept (the z-scores). */
        ScoreSums sums() {
            if (!keepCards) {
                return new ScoreSums(entries, Map.of(), List.of());
            }
            Map<String, Judge> byJudge = new LinkedHashMap<>();
            judges.forEach((judge, s) -> byJudge.put(judge, new Judge(judge, s[0], s[1], s[2], s[3])));
            return new ScoreSums(entries, byJudge, cards);
        }
    }

    /** Every total of the round together, for rescaling z̄ to points. */
    Judge overall() {
        return judges.values().stream().reduce(new Judge("", 0, 0, 0, 0), Judge::plus);
    }
}
