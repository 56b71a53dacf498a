package app.laurel.platform.api;

import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;

import java.util.Locale;

/** Reading request bodies and values that name a choice; a wrong one is the caller's mistake (400), not a server error. */
public final class Params {

    private Params() {
    }

    /** The enum constant named by {@code value} (any case), or null when blank and not required. */
    public static <E extends Enum<E>> E choice(Class<E> type, String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw InvalidInputException.of(field, "validation.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "validation.choice");
        }
    }

    /** The JSON body of a request that needs one; a missing body is a bad request (400). */
    public static <T> T body(T body) {
        if (body == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
        }
        return body;
    }
}
