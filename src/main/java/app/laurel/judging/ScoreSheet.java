package app.laurel.judging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A round's complete score sheet as it is exported: every scorecard, drafts included, with the ranking computed
 * from the submitted ones. It holds everything needed to recompute that ranking outside Laurel, so it refuses a
 * submitted card whose total is not the sum of its criterion scores: such a sheet could not be checked.
 *
 * @param ranking what {@link Ranker#rank} gave for {@link #totals()} with this method and select count
 * @param grid    every scorecard, drafts included, with its scores ({@link ScoreGrid})
 * @param codes   round entry id to the neutral code judges know the entry by (R1-003)
 * @param cutNote how the organiser settled a tie at the cut (decision, order, reason), or null: a human decision
 *                the scores cannot reproduce, so the sheet states it
 * @param entries round entry id to what the organiser knows the entry by (title, unit); empty when not given
 * @param judgeNames judge's username to their name; empty when not given
 */
public record ScoreSheet(String contestTitle, String roundName, AggregationMethod method, int selectCount,
                         List<Criterion> criteria, List<String> judges, ScoreGrid grid, Ranking ranking,
                         Map<Long, String> codes, String cutNote, Map<Long, EntryLabel> entries, Map<String, String> judgeNames) {

    /** The organiser's names for an entry judges know only by its code; the unit is null for a citizen's own entry. */
    public record EntryLabel(String title, String unit) {
    }

    /** One judge's scorecard for one entry, in half points; a draft may lack scores and has no total. */
    public record Card(long roundEntryId, String code, String judge, Map<String, Integer> halfPoints,
                       Integer totalHalfPoints, boolean submitted) {

        public Card {
            halfPoints = Map.copyOf(halfPoints);
        }
    }

    public ScoreSheet(String contestTitle, String roundName, AggregationMethod method, int selectCount,
                      List<Criterion> criteria, List<String> judges, List<Card> cards, Ranking ranking, Map<Long, String> codes) {
        this(contestTitle, roundName, method, selectCount, criteria, judges, cards, ranking, codes, null, Map.of(), Map.of());
    }

    public ScoreSheet(String contestTitle, String roundName, AggregationMethod method, int selectCount,
                      List<Criterion> criteria, List<String> judges, List<Card> cards, Ranking ranking,
                      Map<Long, String> codes, String cutNote, Map<Long, EntryLabel> entries, Map<String, String> judgeNames) {
        this(contestTitle, roundName, method, selectCount, criteria, judges, ScoreGrid.of(criteria, judges, cards), ranking,
                codes, cutNote, entries, judgeNames);
    }

    public ScoreSheet {
        criteria = List.copyOf(criteria);
        judges = List.copyOf(judges);
        codes = Map.copyOf(codes);
        entries = Map.copyOf(entries);
        judgeNames = Map.copyOf(judgeNames);
        new Rubric(criteria); // exactly one primary criterion, or ties could not be broken as published
        if (ranking.method() != method || ranking.selectCount() != selectCount) {
            throw new IllegalArgumentException("the ranking was computed under other rules");
        }
        if (!grid.judges().equals(judges) || !grid.criteria().equals(criteria.stream().map(Criterion::name).toList())) {
            throw new IllegalArgumentException("the scorecards were read for another panel or rubric");
        }
        for (int card = 0; card < grid.size(); card++) {
            if (grid.submitted(card) && !grid.addsUp(card)) {
                throw new IllegalArgumentException("submitted card " + grid.code(card) + "/" + grid.judgeName(card)
                        + " is incomplete or its total is not the sum of its scores");
            }
        }
    }

    /** Every scorecard as an object (small sheets and tests; the export reads {@link #grid()}). */
    public List<Card> cards() {
        return grid.cards();
    }

    /** The Ranker's input for this sheet: {@link #totals(List, List)} of its own cards. */
    public List<EntryTotals> totals() {
        return totals(criteria, cards());
    }

    /**
     * The Ranker's input from scorecards: one row per entry with at least one submitted card, drafts left out.
     * Static so that a service can rank the cards before it has the ranking this record needs.
     */
    public static List<EntryTotals> totals(List<Criterion> criteria, List<Card> cards) {
        String primary = new Rubric(criteria).primary().name();
        Map<Long, List<JudgeTotal>> rows = new LinkedHashMap<>();
        for (Card card : cards) {
            if (card.submitted()) {
                rows.computeIfAbsent(card.roundEntryId(), id -> new ArrayList<>())
                        .add(new JudgeTotal(card.judge(), card.totalHalfPoints(), card.halfPoints().get(primary)));
            }
        }
        List<EntryTotals> sheet = new ArrayList<>();
        rows.forEach((id, totals) -> sheet.add(new EntryTotals(id, totals)));
        return sheet;
    }

    /** A judge as the organiser's sheet heads them: "李建国（judge1）", or the username alone when no name is known. */
    public String judgeLabel(String judge) {
        String name = judgeNames.get(judge);
        return name == null || name.isBlank() || name.equals(judge) ? judge : name + "（" + judge + "）";
    }
}
