package app.laurel.identity;

import app.laurel.platform.error.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The personal fields of an account as a person typed them, normalised (trimmed, username lower-cased) and
 * checked. Pure: the same rules serve the registration page, the organiser's form and the API.
 */
public record AccountDetails(String username, String displayName, String phone, String email) {

    public static final int MIN_USERNAME = 3;
    public static final int MAX_USERNAME = 32;
    public static final int MAX_DISPLAY_NAME = 50;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    /** Mainland mobile numbers: 11 digits starting 13–19. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public static AccountDetails normalised(String username, String displayName, String phone, String email) {
        return new AccountDetails(
                trim(username) == null ? null : trim(username).toLowerCase(Locale.ROOT),
                trim(displayName), trim(phone), trim(email));
    }

    /** @param phoneRequired citizens give a phone number (the notice's objection rules are real-name) */
    public List<FieldError> validate(boolean phoneRequired) {
        List<FieldError> errors = new ArrayList<>();
        if (username == null) {
            errors.add(new FieldError("username", "validation.required"));
        } else if (username.length() < MIN_USERNAME || username.length() > MAX_USERNAME) {
            errors.add(new FieldError("username", "validation.length", MIN_USERNAME, MAX_USERNAME));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "validation.username"));
        }
        if (displayName == null) {
            errors.add(new FieldError("displayName", "validation.required"));
        } else if (displayName.length() > MAX_DISPLAY_NAME) {
            errors.add(new FieldError("displayName", "validation.length", 1, MAX_DISPLAY_NAME));
        } else if (displayName.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("displayName", "validation.characters"));
        }
        if (phone == null) {
            if (phoneRequired) {
                errors.add(new FieldError("phone", "validation.required"));
            }
        } else if (!MOBILE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "validation.phone"));
        }
        if (email != null && (email.length() > 100 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "validation.email"));
        }
        return errors;
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
