package app.laurel.publication;

import java.time.Instant;

/**
 * A correction (更正) an organiser makes to a published notice: the new title, body, order, end of the period or
 * contact (null keeps what the notice says) and the reason, which is printed with it. The start of the period is
 * not among them: once published it is when the period began.
 */
public record CorrectionForm(String title, String body, ListOrder order, Instant endsAt, String contact, String reason) {
}
