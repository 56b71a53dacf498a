package app.laurel.campaign;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A task as the set-up page and the API send it, before anything is checked: the target still as its three fields,
 * the offices as typed (one entry may name several). {@link CampaignService#addTask} reads it with the same rules the
 * import uses: {@link Target#of} and {@link Office#names}.
 */
public record NewTask(String text, String evidenceRequired, List<String> offices, String comparison, BigDecimal target,
                      String targetUnit, Instant due) {

    /** The draft as read; every problem with it (the target's beside the others') is added to {@code errors}. */
    TaskDraft draft(List<FieldError> errors) {
        Target read = null;
        try {
            read = Target.of(comparison, target, targetUnit).orElse(null);
        } catch (InvalidInputException refused) {
            errors.addAll(refused.errors());
        }
        TaskDraft draft = new TaskDraft(text, evidenceRequired, offices, read, due);
        errors.addAll(0, draft.validate());
        return draft;
    }
}
