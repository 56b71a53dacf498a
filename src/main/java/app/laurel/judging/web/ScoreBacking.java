package app.laurel.judging.web;

import app.laurel.judging.BlindEntry;
import app.laurel.judging.JudgingService;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /judge/score.xhtml?id=12}: one entry, blind, beside the rubric. Scores are kept per criterion name;
 * save keeps a draft, submit makes it final.
 */
@Named
@ViewScoped
public class ScoreBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private JudgingService judging;

    private Long id;
    private final Map<String, BigDecimal> scores = new LinkedHashMap<>();
    private String comment;
    private String conflictReason;
    /** The scorecard's version this form was filled from, in a hidden field: a save from an older tab is refused. */
    private Long version;
    private transient BlindEntry entry;

    public void load() {
        entry = NotFound.unless(() -> judging.view(id == null ? -1 : id));
        if (entry == null) {
            return;
        }
        scores.clear();
        entry.criteria().forEach(c -> scores.put(c.name(), entry.scores().get(c.name())));
        comment = entry.comment();
        version = entry.version();
    }

    public void save() {
        act(() -> judging.save(id, filled(), comment, version), "judging.saved");
    }

    public void submit() {
        act(() -> judging.save(id, filled(), comment, version), null);
        act(() -> judging.submit(id), "judging.submitted");
    }

    /** The judge steps aside (回避): the entry leaves their list for good. */
    public String declareConflict() {
        judging.declareConflict(id, conflictReason);
        FacesFeedback.flashInfo("judging.conflict.declared");
        return "/judge/index.xhtml?faces-redirect=true";
    }

    private void act(java.util.function.Supplier<BlindEntry> action, String doneKey) {
        entry = action.get();
        version = entry.version();
        if (doneKey != null) {
            FacesFeedback.info(doneKey);
        }
    }

    private Map<String, BigDecimal> filled() {
        Map<String, BigDecimal> given = new LinkedHashMap<>();
        scores.forEach((name, value) -> {
            if (value != null) {
                given.put(name, value);
            }
        });
        return given;
    }

    public BlindEntry getEntry() {
        if (entry == null && id != null) {
            entry = judging.view(id);
        }
        return entry;
    }

    public boolean isEditable() {
        return getEntry() != null && "DRAFT".equals(getEntry().status());
    }

    public Map<String, BigDecimal> getScores() {
        return scores;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getConflictReason() {
        return conflictReason;
    }

    public void setConflictReason(String conflictReason) {
        this.conflictReason = conflictReason;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
