package app.laurel.judging.web;

import app.laurel.judging.BlindEntry;
import app.laurel.judging.JudgingService;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /judge/score.xhtml?id=12}: one entry, blind, beside the rubric. Scores are kept as typed, per criterion
 * name, and judged by the service alone: a refusal stands beside its criterion's input (ids {@code s0}, {@code s1}…
 * in the rubric's order, since names are no ids) and the typed text stays. After a save or a submit, "下一件".
 */
@Named
@ViewScoped
public class ScoreBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private JudgingService judging;

    private Long id;
    private final Map<String, String> scores = new LinkedHashMap<>();
    private String comment;
    private String conflictReason;
    /** The scorecard's version this form was filled from, in a hidden field: a save from an older tab is refused. */
    private Long version;
    /** Whether this page saved or submitted: then it offers the next entry. */
    private boolean acted;
    private Long next;
    private transient BlindEntry entry;

    public void load() {
        entry = NotFound.unless(() -> judging.view(id == null ? -1 : id));
        if (entry == null) {
            return;
        }
        scores.clear();
        entry.criteria().forEach(c -> scores.put(c.name(), text(entry.scores().get(c.name()))));
        comment = entry.comment();
        version = entry.version();
        if (!isEditable()) {
            next = judging.next(id);
        }
    }

    public void save() {
        act(() -> judging.save(id, scores, comment, version), "judging.saved");
    }

    public void submit() {
        act(() -> judging.save(id, scores, comment, version), null);
        act(() -> judging.submit(id), "judging.submitted");
    }

    /** The judge steps aside (回避): the entry leaves their list for good. */
    public String declareConflict() {
        judging.declareConflict(id, conflictReason);
        FacesFeedback.flashInfo("judging.conflict.declared");
        return "/judge/index.xhtml?faces-redirect=true";
    }

    private void act(Supplier<BlindEntry> action, String doneKey) {
        try {
            entry = action.get();
        } catch (InvalidInputException refused) {
            throw besideInputs(refused);
        }
        version = entry.version();
        acted = true;
        next = judging.next(id);
        if (doneKey != null) {
            FacesFeedback.info(doneKey);
        }
    }

    /** The service names a criterion; the page's input for it is {@code s} and its place in the rubric. */
    private InvalidInputException besideInputs(InvalidInputException refused) {
        List<String> names = getEntry().criteria().stream().map(BlindEntry.CriterionView::name).toList();
        return new InvalidInputException(refused.errors().stream().map(e -> names.contains(e.field())
                ? new FieldError(inputId(e.field()), e.messageKey(), e.args()) : e).toList());
    }

    /** The id of a criterion's input, by its place in the rubric. */
    public String inputId(String criterion) {
        return "s" + getEntry().criteria().stream().map(BlindEntry.CriterionView::name).toList().indexOf(criterion);
    }

    /** The sum of the scores that read as numbers, for the total shown before the script takes over. */
    public BigDecimal getTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (String typed : scores.values()) {
            try {
                total = typed == null || typed.isBlank() ? total : total.add(new BigDecimal(typed.strip()));
            } catch (NumberFormatException notANumber) {
                // The service refuses it beside its input; the total leaves it out.
            }
        }
        return total.stripTrailingZeros();
    }

    public int getMaxTotal() {
        return getEntry() == null ? 0 : getEntry().criteria().stream().mapToInt(BlindEntry.CriterionView::maxPoints).sum();
    }

    private static String text(BigDecimal points) {
        return points == null ? null : points.stripTrailingZeros().toPlainString();
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

    public boolean isActed() {
        return acted;
    }

    public Long getNext() {
        return next;
    }

    public Map<String, String> getScores() {
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
