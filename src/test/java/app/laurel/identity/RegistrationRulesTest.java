package app.laurel.identity;

import app.laurel.platform.error.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationRulesTest {

    private static List<String> keys(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.messageKey()).toList();
    }

    @Test
    void usernameIsTrimmedAndLowerCased() {
        AccountDetails details = AccountDetails.normalised("  Wang.Li ", " 王丽 ", " 13812345678 ", "");
        assertEquals("wang.li", details.username());
        assertEquals("王丽", details.displayName());
        assertEquals("13812345678", details.phone());
        assertEquals(null, details.email());
        assertTrue(details.validate(true).isEmpty());
    }

    @Test
    void badFieldsAreAllReported() {
        AccountDetails details = AccountDetails.normalised("_x", null, "23812345678", "not-an-email");
        assertEquals(List.of("username:validation.length", "displayName:validation.required", "phone:validation.phone",
                "email:validation.email"), keys(details.validate(true)));
        assertEquals(List.of("username:validation.username"),
                keys(AccountDetails.normalised("_abc", "名", null, null).validate(false)));
    }

    @Test
    void citizensMustGiveAPhoneStaffNeedNot() {
        AccountDetails details = AccountDetails.normalised("zhang", "张", null, null);
        assertEquals(List.of("phone:validation.required"), keys(details.validate(true)));
        assertTrue(details.validate(false).isEmpty());
    }

    @Test
    void passwordPolicy() {
        assertTrue(PasswordPolicy.check("password", "Spring2026rain", "Spring2026rain", "li").isEmpty());
        assertEquals(List.of("password:validation.password.length"), keys(PasswordPolicy.check("password", "a1", null, "li")));
        assertEquals(List.of("password:validation.password.mix"), keys(PasswordPolicy.check("password", "abcdefghij", null, "li")));
        assertEquals(List.of("password:validation.password.guessable"), keys(PasswordPolicy.check("password", "Abcd1234", null, "li")));
        assertEquals(List.of("password:validation.password.guessable"), keys(PasswordPolicy.check("password", "wangli2026", null, "wangli")));
        assertEquals(List.of("password:validation.required"), keys(PasswordPolicy.check("password", "", null, "li")));
        assertEquals(List.of("passwordConfirmation:validation.password.mismatch"),
                keys(PasswordPolicy.check("password", "Spring2026rain", "Spring2026rai", "li")));
    }
}
