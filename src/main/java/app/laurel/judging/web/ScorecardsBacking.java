package app.laurel.judging.web;

import app.laurel.judging.BlindEntry;
import app.laurel.judging.JudgingService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /judge/index.xhtml}: the judge's scorecards in open rounds, with how many are submitted, grouped by
 * contest and round, since a judge on two panels may hold two entries coded R1-001.
 */
@Named
@RequestScoped
public class ScorecardsBacking {

    /** One round's scorecards under the contest and round they belong to. */
    public record Group(String contestCode, String contestTitle, long roundId, String roundName, List<BlindEntry> cards) {
        public long getSubmitted() {
            return cards.stream().filter(c -> "SUBMITTED".equals(c.status())).count();
        }
    }

    @Inject
    private JudgingService judging;

    private List<BlindEntry> cards;

    public List<BlindEntry> getCards() {
        if (cards == null) {
            cards = judging.myScorecards();
        }
        return cards;
    }

    /** In the service's order (contest, round, code). */
    public List<Group> getGroups() {
        Map<Long, List<BlindEntry>> byRound = new LinkedHashMap<>();
        getCards().forEach(c -> byRound.computeIfAbsent(c.roundId(), r -> new ArrayList<>()).add(c));
        return byRound.values().stream().map(list -> {
            BlindEntry first = list.get(0);
            return new Group(first.contestCode(), first.contestTitle(), first.roundId(), first.roundName(), List.copyOf(list));
        }).toList();
    }

    public long getSubmitted() {
        return getCards().stream().filter(c -> "SUBMITTED".equals(c.status())).count();
    }
}
