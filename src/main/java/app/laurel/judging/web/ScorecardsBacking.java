package app.laurel.judging.web;

import app.laurel.judging.BlindEntry;
import app.laurel.judging.JudgingService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** {@code /judge/index.xhtml}: the judge's scorecards in open rounds, with how many are submitted. */
@Named
@RequestScoped
public class ScorecardsBacking {

    @Inject
    private JudgingService judging;

    private List<BlindEntry> cards;

    public List<BlindEntry> getCards() {
        if (cards == null) {
            cards = judging.myScorecards();
        }
        return cards;
    }

    public long getSubmitted() {
        return getCards().stream().filter(c -> "SUBMITTED".equals(c.status())).count();
    }
}
