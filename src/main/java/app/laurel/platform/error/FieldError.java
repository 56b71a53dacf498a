package app.laurel.platform.error;

/** One field that failed validation: which field, and the bundle key (with arguments) that says why. */
public record FieldError(String field, String messageKey, Object... args) {
}
