package app.laurel.judging;

import app.laurel.judging.ScoreSheet.Card;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A round's scorecards as numbers in arrays, for the score sheet: a provincial round's 360,000 scorecards and
 * 1.8 million scores take some 20 MB of ints here, where as {@link Card} objects with their maps they took most of
 * a gigabyte. Entries are held by round entry id and code, judges by their place in the panel, criteria by their
 * place in the rubric; a score or total not given is {@link #NONE}.
 */
public final class ScoreGrid {

    public static final int NONE = Integer.MIN_VALUE;

    private final List<String> criteria;
    private final List<String> judges;
    private final Map<String, Integer> judgeIndex = new HashMap<>();
    private final Map<String, Integer> criterionIndex = new HashMap<>();
    private final Map<Long, Integer> entryIndex = new HashMap<>();
    private long[] entryIds = new long[64];
    private String[] codes = new String[64];
    private int entries;

    private int size;
    private int[] entry = new int[256];
    private int[] judge = new int[256];
    private int[] total = new int[256];
    private boolean[] submitted = new boolean[256];
    private int[] scores;

    public ScoreGrid(List<Criterion> criteria, List<String> judges) {
        this.criteria = criteria.stream().map(Criterion::name).toList();
        this.judges = List.copyOf(judges);
        for (int j = 0; j < judges.size(); j++) {
            judgeIndex.put(judges.get(j), j);
        }
        for (int c = 0; c < this.criteria.size(); c++) {
            criterionIndex.put(this.criteria.get(c), c);
        }
        scores = new int[256 * Math.max(1, this.criteria.size())];
    }

    /** The grid of cards held as objects (small sheets, tests). */
    public static ScoreGrid of(List<Criterion> criteria, List<String> judges, List<Card> cards) {
        ScoreGrid grid = new ScoreGrid(criteria, judges);
        for (Card card : cards) {
            int index = grid.add(card.roundEntryId(), card.code(), card.judge(), card.submitted(), card.totalHalfPoints());
            card.halfPoints().forEach((criterion, half) -> grid.score(index, criterion, half));
        }
        return grid;
    }

    /** Adds a scorecard; its index. A judge not on the panel is refused: the sheet could not show their card. */
    public int add(long roundEntryId, String code, String judgeName, boolean isSubmitted, Integer totalHalfPoints) {
        Integer j = judgeIndex.get(judgeName);
        if (j == null) {
            throw new IllegalArgumentException("card of " + judgeName + " who is not on the panel");
        }
        if (size == entry.length) {
            int grown = size * 2;
            entry = Arrays.copyOf(entry, grown);
            judge = Arrays.copyOf(judge, grown);
            total = Arrays.copyOf(total, grown);
            submitted = Arrays.copyOf(submitted, grown);
            scores = Arrays.copyOf(scores, grown * Math.max(1, criteria.size()));
        }
        entry[size] = entryIndex(roundEntryId, code);
        judge[size] = j;
        total[size] = totalHalfPoints == null ? NONE : totalHalfPoints;
        submitted[size] = isSubmitted;
        Arrays.fill(scores, size * criteria.size(), (size + 1) * criteria.size(), NONE);
        return size++;
    }

    /** Sets a card's score on a criterion; a criterion not in the rubric is ignored, as the sheet has no column for it. */
    public void score(int card, String criterion, int halfPoints) {
        Integer c = criterionIndex.get(criterion);
        if (c != null) {
            scores[card * criteria.size() + c] = halfPoints;
        }
    }

    private int entryIndex(long roundEntryId, String code) {
        Integer known = entryIndex.get(roundEntryId);
        if (known != null) {
            return known;
        }
        if (entries == entryIds.length) {
            entryIds = Arrays.copyOf(entryIds, entries * 2);
            codes = Arrays.copyOf(codes, entries * 2);
        }
        entryIds[entries] = roundEntryId;
        codes[entries] = code;
        entryIndex.put(roundEntryId, entries);
        return entries++;
    }

    public int size() {
        return size;
    }

    public List<String> criteria() {
        return criteria;
    }

    public List<String> judges() {
        return judges;
    }

    public long entryId(int card) {
        return entryIds[entry[card]];
    }

    public String code(int card) {
        return codes[entry[card]];
    }

    /** The card's judge as their place in the panel. */
    public int judge(int card) {
        return judge[card];
    }

    public String judgeName(int card) {
        return judges.get(judge[card]);
    }

    public boolean submitted(int card) {
        return submitted[card];
    }

    /** The total in half points, or null. */
    public Integer total(int card) {
        return total[card] == NONE ? null : total[card];
    }

    /** The score on the criterion at {@code criterion} (rubric order) in half points, or null. */
    public Integer halfPoints(int card, int criterion) {
        int half = scores[card * criteria.size() + criterion];
        return half == NONE ? null : half;
    }

    /** Whether the card has every score and its total is their sum: a submitted card must, or no one could check it. */
    boolean addsUp(int card) {
        if (total[card] == NONE) {
            return false;
        }
        int sum = 0;
        for (int c = 0; c < criteria.size(); c++) {
            int half = scores[card * criteria.size() + c];
            if (half == NONE) {
                return false;
            }
            sum += half;
        }
        return sum == total[card];
    }

    /** The cards of each judge in panel order, each judge's by entry code: the order of the per-judge sheets. */
    public int[] byJudgeThenCode() {
        int[] rank = codeRanks();
        return sorted(card -> (long) judge[card] * entries + rank[entry[card]]);
    }

    /** The cards by entry code, then in panel order of judges: the CSV's order, and the summary's row by row. */
    public int[] byCodeThenJudge() {
        int[] rank = codeRanks();
        return sorted(card -> (long) rank[entry[card]] * judges.size() + judge[card]);
    }

    /**
     * The card indices ordered by a key, ties in the order the cards were added: key and index packed into one long
     * (key × size + index), so that 360,000 cards sort as primitives, not as boxed objects.
     */
    private int[] sorted(java.util.function.IntToLongFunction key) {
        long[] packed = new long[size];
        for (int card = 0; card < size; card++) {
            packed[card] = Math.addExact(Math.multiplyExact(key.applyAsLong(card), (long) size), card);
        }
        Arrays.sort(packed);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) (packed[i] % size);
        }
        return order;
    }

    /** Each entry's place in the order of codes (R1-001 before R1-002), as the sheets have always listed them. */
    private int[] codeRanks() {
        Integer[] order = new Integer[entries];
        for (int e = 0; e < entries; e++) {
            order[e] = e;
        }
        Arrays.sort(order, (a, b) -> codes[a].compareTo(codes[b]));
        int[] rank = new int[entries];
        for (int r = 0; r < entries; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /** The cards as objects again (small sheets, tests). */
    public List<Card> cards() {
        List<Card> cards = new ArrayList<>(size);
        for (int card = 0; card < size; card++) {
            Map<String, Integer> half = new HashMap<>();
            for (int c = 0; c < criteria.size(); c++) {
                Integer h = halfPoints(card, c);
                if (h != null) {
                    half.put(criteria.get(c), h);
                }
            }
            cards.add(new Card(entryId(card), code(card), judgeName(card), half, total(card), submitted(card)));
        }
        return cards;
    }
}
