package app.laurel.publication.web;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import app.laurel.publication.ColumnCandidate;
import app.laurel.publication.ColumnService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organiser/column.xhtml?contest=HY2021}: the entries an organiser may publish in the column, each
 * published with or without the author's name, or taken down. View scoped: the actions are AJAX postbacks,
 * which do not apply the contest parameter again.
 */
@Named
@ViewScoped
public class ColumnPublishingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ColumnService column;

    @Inject
    private ContestService contests;

    private String contestCode;
    /** The "show the author's name" box of each not yet published entry, by entry id; unticked means anonymous. */
    private final Map<Long, Boolean> showAuthor = new HashMap<>();

    private transient List<ColumnCandidate> candidates;
    private transient Contest contest;

    public void publish(long entryId) {
        column.publish(contestCode, entryId, Boolean.TRUE.equals(showAuthor.get(entryId)));
        FacesFeedback.info("column.manage.done");
        candidates = null;
    }

    public void unpublish(long itemId) {
        column.unpublish(contestCode, itemId);
        FacesFeedback.info("column.manage.removed");
        candidates = null;
    }

    public List<ColumnCandidate> getCandidates() {
        if (candidates == null) {
            candidates = column.candidates(contestCode);
        }
        return candidates;
    }

    public Contest getContest() {
        if (contest == null) {
            contest = contests.byCode(contestCode);
        }
        return contest;
    }

    public Map<Long, Boolean> getShowAuthor() {
        return showAuthor;
    }

    /** An unknown contest in the address is "not found", not an error page. */
    public void load() {
        NotFound.unless(() -> contests.byCode(contestCode));
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }
}
