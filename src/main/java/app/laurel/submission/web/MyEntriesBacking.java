package app.laurel.submission.web;

import app.laurel.platform.error.LaurelException;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.submission.Entry;
import app.laurel.submission.SubmissionService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** {@code /entries/mine.xhtml?contest=HY2021}: my entries with their status, reasons and receipts; withdraw. */
@Named
@ViewScoped
public class MyEntriesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SubmissionService submissions;

    private String contestCode;
    private transient List<Entry> entries;

    public List<Entry> getEntries() {
        if (entries == null) {
            entries = submissions.myEntries(contestCode);
        }
        return entries;
    }

    public void withdraw(long entryId) {
        try {
            submissions.withdraw(entryId);
            entries = null;
            FacesFeedback.info("entry.withdrawn");
        } catch (LaurelException refusal) {
            FacesFeedback.show("list", refusal);
        }
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }
}
