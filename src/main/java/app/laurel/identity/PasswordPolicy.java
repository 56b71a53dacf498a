package app.laurel.identity;

import app.laurel.platform.error.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: 8 to 64 characters, with letters and digits, not the username, not one of the
 * passwords every guessing script tries first. Long passphrases are welcome; no symbol rules, which only
 * push people to write passwords down.
 */
public final class PasswordPolicy {

    public static final int MIN = 8;
    public static final int MAX = 64;
    private static final Set<String> COMMON = Set.of("password", "password1", "password123", "12345678", "123456789",
            "1234567890", "qwerty123", "qwertyuiop", "a1234567", "abc12345", "abcd1234", "1qaz2wsx", "aa123456",
            "woaini1314", "iloveyou1", "admin123", "admin1234", "11111111", "88888888", "123123123", "zxcvbnm123");

    private PasswordPolicy() {
    }

    public static List<FieldError> check(String field, String password, String confirmation, String username) {
        List<FieldError> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError(field, "validation.required"));
            return errors;
        }
        if (password.length() < MIN || password.length() > MAX) {
            errors.add(new FieldError(field, "validation.password.length", MIN, MAX));
        } else if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            errors.add(new FieldError(field, "validation.password.mix"));
        } else if (COMMON.contains(password.toLowerCase(Locale.ROOT))
                || (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT)))) {
            errors.add(new FieldError(field, "validation.password.guessable"));
        }
        if (confirmation != null && !password.equals(confirmation)) {
            errors.add(new FieldError(field + "Confirmation", "validation.password.mismatch"));
        }
        return errors;
    }
}
