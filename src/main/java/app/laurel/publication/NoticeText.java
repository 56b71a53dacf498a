package app.laurel.publication;

import app.laurel.platform.error.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What an organiser writes on a notice: title, body, order of the list, the period and whom to contact. */
public record NoticeText(String title, String body, ListOrder order, Instant startsAt, Instant endsAt, String contact) {

    List<FieldError> check() {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank() || title.strip().length() > 100) {
            errors.add(new FieldError("title", "validation.length", 1, 100));
        }
        if (body == null || body.isBlank() || body.strip().length() > 5000) {
            errors.add(new FieldError("body", "validation.length", 1, 5000));
        }
        if (order == null) {
            errors.add(new FieldError("order", "validation.required"));
        }
        if (startsAt == null) {
            errors.add(new FieldError("startsAt", "validation.required"));
        }
        if (endsAt == null) {
            errors.add(new FieldError("endsAt", "validation.required"));
        } else if (startsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("endsAt", "notice.periodTooShort"));
        }
        if (contact == null || contact.isBlank() || contact.strip().length() > 200) {
            errors.add(new FieldError("contact", "validation.length", 1, 200));
        }
        return errors;
    }
}
