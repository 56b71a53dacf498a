package app.laurel.submission.web;

import app.laurel.contest.Contest;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import app.laurel.submission.Entry;
import app.laurel.submission.SubmissionService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /entries/mine.xhtml?contest=HY2021}: my entries with their status, reasons and receipts; correct or withdraw.
 * Without a contest, my entries in every contest, under each contest's title (an unknown contest is a 404).
 */
@Named
@ViewScoped
public class MyEntriesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One contest's heading and the entries under it (getters: the pages' EL does not read record components). */
    public record ContestEntries(Contest contest, List<Entry> entries) {
        public Contest getContest() {
            return contest;
        }

        public List<Entry> getEntries() {
            return entries;
        }
    }

    @Inject
    private SubmissionService submissions;

    private String contestCode;
    private transient List<ContestEntries> groups;

    public void load() {
        NotFound.unless(this::getGroups);
    }

    public List<ContestEntries> getGroups() {
        if (groups == null) {
            Map<Long, ContestEntries> byContest = new LinkedHashMap<>();
            for (Entry entry : submissions.myEntries(contestCode)) {
                byContest.computeIfAbsent(entry.getContest().getId(), id -> new ContestEntries(entry.getContest(), new ArrayList<>()))
                        .entries().add(entry);
            }
            groups = new ArrayList<>(byContest.values());
        }
        return groups;
    }

    /** 修改 and 撤回 are offered while the entry may still change: not yet screened, and before the deadline. */
    public boolean changeable(Entry entry) {
        return submissions.isChangeable(entry);
    }

    public void withdraw(long entryId) {
        submissions.withdraw(entryId);
        groups = null;
        FacesFeedback.info("entry.withdrawn");
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }
}
