package app.laurel.campaign;

import app.laurel.platform.error.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One task as the organiser types it or an import row gives it, before it belongs to a campaign: the text, what is
 * checked, the names of the responsible offices (each entry may hold several, split by {@link Office#names}), an
 * optional target and the due time.
 */
public record TaskDraft(String text, String evidenceRequired, List<String> officeNames, Target target, Instant due) {

    public static final int MAX_TEXT = 1000;
    public static final int MAX_EVIDENCE = 500;

    public TaskDraft {
        text = text == null ? null : text.strip();
        evidenceRequired = evidenceRequired == null ? null : evidenceRequired.strip();
        officeNames = officeNames == null ? List.of()
                : officeNames.stream().flatMap(names -> Office.names(names).stream()).distinct().toList();
    }

    /**
     * What is wrong with the draft on its own; whether its offices exist is the campaign's question, and the target
     * was checked when it was read ({@link Target#of}).
     */
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "validation.length", 1, MAX_TEXT));
        }
        if (evidenceRequired == null || evidenceRequired.isEmpty() || evidenceRequired.length() > MAX_EVIDENCE) {
            errors.add(new FieldError("evidenceRequired", "validation.length", 1, MAX_EVIDENCE));
        }
        if (officeNames.isEmpty()) {
            errors.add(new FieldError("offices", "campaign.task.noOffice"));
        }
        if (due == null) {
            errors.add(new FieldError("due", "validation.required"));
        }
        return errors;
    }
}
