package app.laurel.notification;

import java.time.Instant;

/**
 * What the preferences part of the message page shows and edits: the choices, and the addresses they apply to,
 * with the mail address's bounce if the mail server refused it ({@code bouncedAt} null otherwise).
 */
public record MessagePreferences(boolean mail, boolean sms, String language, long version, String email, String phone,
                                 Instant bouncedAt) {
}
