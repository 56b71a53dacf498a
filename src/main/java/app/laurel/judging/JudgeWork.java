package app.laurel.judging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A judge's list (我的评审), per round under its contest's title, with how many of the round they have submitted
 * (12/43). Items carry no story: the list is read for hundreds of scorecards at once, the story one at a time. Paged:
 * a judge of a 40,000-entry contest holds over a thousand scorecards; the counts come from one grouped statement.
 */
public record JudgeWork(List<RoundWork> rounds, int submitted, int total, int page, int pages) {

    /** One scorecard as the list shows it: the neutral code and the blacked-out title, never who wrote it. */
    public record Item(long scorecardId, String code, String title, String category, String status, String contestCode,
                       String contestTitle, long roundId, String roundName) {

        public boolean submitted() {
            return ScorecardStatus.SUBMITTED.name().equals(status);
        }
    }

    /** A round's progress counts all its scorecards; {@code shown} are those the filter lets through. */
    public record RoundWork(String contestCode, String contestTitle, long roundId, String roundName, int submitted, int total,
                            List<Item> shown) {
    }

    /** A round's counts over all the judge's scorecards in it, from one grouped statement. */
    public record RoundCount(String contestCode, String contestTitle, long roundId, String roundName, int submitted, int total) {
    }

    /** Items in the list's order (contest, round, code), grouped by round; with {@code unsubmittedOnly}, drafts only. */
    public static JudgeWork of(List<Item> items, boolean unsubmittedOnly) {
        Map<Long, List<Item>> byRound = new LinkedHashMap<>();
        items.forEach(i -> byRound.computeIfAbsent(i.roundId(), r -> new ArrayList<>()).add(i));
        List<RoundCount> counts = byRound.values().stream().map(list -> {
            Item first = list.get(0);
            return new RoundCount(first.contestCode(), first.contestTitle(), first.roundId(), first.roundName(),
                    (int) list.stream().filter(Item::submitted).count(), list.size());
        }).toList();
        return page(unsubmittedOnly ? items.stream().filter(i -> !i.submitted()).toList() : items, counts, unsubmittedOnly, 1, 1);
    }

    /**
     * One page of the list: its items grouped by round, each round with its progress over all its scorecards. A round
     * shows when it has items on this page; on the first page of the unsubmitted ones, a finished round shows too (as done).
     */
    public static JudgeWork page(List<Item> pageItems, List<RoundCount> counts, boolean unsubmittedOnly, int page, int pages) {
        Map<Long, List<Item>> byRound = new LinkedHashMap<>();
        pageItems.forEach(i -> byRound.computeIfAbsent(i.roundId(), r -> new ArrayList<>()).add(i));
        List<RoundWork> rounds = counts.stream()
                .filter(c -> byRound.containsKey(c.roundId()) || unsubmittedOnly && page == 1 && c.submitted() == c.total())
                .map(c -> new RoundWork(c.contestCode(), c.contestTitle(), c.roundId(), c.roundName(), c.submitted(), c.total(),
                        List.copyOf(byRound.getOrDefault(c.roundId(), List.of())))).toList();
        return new JudgeWork(rounds, counts.stream().mapToInt(RoundCount::submitted).sum(),
                counts.stream().mapToInt(RoundCount::total).sum(), page, pages);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
