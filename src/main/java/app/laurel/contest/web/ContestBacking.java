package app.laurel.contest.web;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.contest.EntryRule;
import app.laurel.contest.EntryType;
import app.laurel.contest.Phase;
import app.laurel.platform.web.NotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A contest's public page, {@code /contest.xhtml?code=HY2021}; an unknown code is a 404. */
@Named
@RequestScoped
public class ContestBacking {

    @Inject
    private ContestService contests;

    @Inject
    private Clock clock;

    private String code;
    private Contest contest;

    /** An unknown code answers 404 with the error page, like any missing page. */
    public void load() throws IOException {
        contest = NotFound.unless(() -> contests.byCode(code));
    }

    public String status(Phase phase) {
        return phase.statusAt(clock.instant()).name();
    }

    /** Whether entries are taken now (citizens' deadline; units may have later ones). */
    public boolean isOpen() {
        return contest != null && contest.isOpenForSubmissions(null, clock.instant());
    }

    /** The rules of each entry type the contest takes, STORY before VIDEO: shown before anyone starts an entry. */
    public List<EntryRule> getRules() {
        // A postback (the language switch) rebuilds this stateless page without running load().
        if (contest == null) {
            return List.of();
        }
        return Stream.of(EntryType.values()).map(contest::rule).flatMap(Optional::stream).toList();
    }

    public Contest getContest() {
        return contest;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
