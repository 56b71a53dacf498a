package app.laurel.submission.web;

import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import app.laurel.submission.Entry;
import app.laurel.submission.ScreeningService;
import app.laurel.submission.SimilarityComparison;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.util.List;
import java.io.Serializable;

/** {@code /organiser/entry.xhtml?id=7} (optionally {@code &contest=HY2021}): one submitted entry in full, and the screening decision. */
@Named
@ViewScoped
public class DecisionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ScreeningService screening;

    private String contestCode;
    private Long id;
    private String reason;
    private String redactions;
    private static final long NONE = -1;
    private transient Entry entry;
    private transient Long nextId;
    private transient List<SimilarityComparison> comparisons;

    /**
     * The entry names its contest, so the {@code contest} parameter may be left out; one that names another
     * contest than the entry's is a 404, like an unknown entry.
     */
    public void load() throws IOException {
        entry = NotFound.unless(() -> screening.entry(id == null ? -1 : id));
        if (entry == null) {
            return;
        }
        String own = entry.getContest().getCode();
        if (contestCode == null || contestCode.isBlank()) {
            contestCode = own;
        } else if (!contestCode.equals(own)) {
            NotFound.answer();
        }
    }

    public String accept() {
        return decide(() -> screening.accept(id));
    }

    public String returnForCorrection() {
        return decide(() -> screening.returnForCorrection(id, reason));
    }

    public String reject() {
        return decide(() -> screening.reject(id, reason));
    }

    /**
     * After a decision, on to the next entry waiting (下一件), or back to the list when none waits
     * (post-redirect-get), with the message kept.
     */
    private String decide(Runnable decision) {
        decision.run();
        FacesFeedback.flashInfo("screening.decided");
        Long next = getNextId();
        return next == null ? "/organiser/screening.xhtml?faces-redirect=true&contest=" + contestCode
                : "/organiser/entry.xhtml?faces-redirect=true&contest=" + contestCode + "&id=" + next;
    }

    /** The next entry waiting for screening after this one in the order of submission (下一件), or null. */
    public Long getNextId() {
        if (nextId == null && id != null && getEntry() != null) {
            nextId = screening.nextWaiting(contestCode, id);
            if (nextId == null) {
                nextId = NONE;
            }
        }
        return nextId == null || nextId == NONE ? null : nextId;
    }

    /** Saves the terms hidden from judges, one per line; stays on the page. */
    public void redact() {
        entry = screening.redact(id, redactions == null ? List.of() : List.of(redactions.split("\\R")));
        FacesFeedback.info("screening.redactions.saved");
    }

    /** The near-duplicates this entry is flagged with, each with the passages they share. */
    public List<SimilarityComparison> getComparisons() {
        if (comparisons == null && getEntry() != null) {
            comparisons = screening.comparisons(contestCode, id);
        }
        return comparisons;
    }

    public String getRedactions() {
        if (redactions == null && getEntry() != null) {
            redactions = String.join("\n", getEntry().getRedactions());
        }
        return redactions;
    }

    public void setRedactions(String redactions) {
        this.redactions = redactions;
    }

    public Entry getEntry() {
        if (entry == null && id != null) {
            entry = screening.entry(id);
        }
        return entry;
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
