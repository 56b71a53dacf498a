package app.laurel.judging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A judge's list (我的评审), per round under its contest's title, with how many of the round they have submitted
 * (12/43). Items carry no story: the list is read for hundreds of scorecards at once, the story one at a time.
 */
public record JudgeWork(List<RoundWork> rounds) {

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

    /** Items in the list's order (contest, round, code), grouped by round; with {@code unsubmittedOnly}, drafts only. */
    public static JudgeWork of(List<Item> items, boolean unsubmittedOnly) {
        Map<Long, List<Item>> byRound = new LinkedHashMap<>();
        items.forEach(i -> byRound.computeIfAbsent(i.roundId(), r -> new ArrayList<>()).add(i));
        return new JudgeWork(byRound.values().stream().map(list -> {
            Item first = list.get(0);
            int submitted = (int) list.stream().filter(Item::submitted).count();
            List<Item> shown = unsubmittedOnly ? list.stream().filter(i -> !i.submitted()).toList() : List.copyOf(list);
            return new RoundWork(first.contestCode(), first.contestTitle(), first.roundId(), first.roundName(), submitted,
                    list.size(), shown);
        }).toList());
    }

    public int submitted() {
        return rounds.stream().mapToInt(RoundWork::submitted).sum();
    }

    public int total() {
        return rounds.stream().mapToInt(RoundWork::total).sum();
    }
}
