package app.laurel.contest.web;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.util.List;

/** The home page: the contests, with whether each is taking entries now by the server's clock. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    private ContestService contests;

    @Inject
    private Clock clock;

    private List<Contest> list;

    public List<Contest> getContests() {
        if (list == null) {
            list = contests.listContests();
        }
        return list;
    }

    public boolean isOpen(Contest contest) {
        return contest.isAcceptingEntriesAt(clock.instant());
    }
}
