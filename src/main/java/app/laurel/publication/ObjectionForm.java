package app.laurel.publication;

import app.laurel.platform.error.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an objector writes: real name, mainland mobile number, other contact (optional), which listed entry (by
 * its code on the notice) and the reasons. Anonymous objections are not taken: the notice says so.
 */
public record ObjectionForm(String realName, String phone, String contact, String entryCode, String reasons) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    List<FieldError> check() {
        List<FieldError> errors = new ArrayList<>();
        if (realName == null || realName.isBlank() || realName.strip().length() < 2 || realName.strip().length() > 50) {
            errors.add(new FieldError("realName", "objection.realName"));
        }
        if (phone == null || !MOBILE.matcher(phone.strip()).matches()) {
            errors.add(new FieldError("phone", "objection.phone"));
        }
        if (contact != null && contact.strip().length() > 200) {
            errors.add(new FieldError("contact", "validation.length", 0, 200));
        }
        if (entryCode == null || entryCode.isBlank()) {
            errors.add(new FieldError("entry", "validation.required"));
        }
        if (reasons == null || reasons.strip().length() < 10 || reasons.strip().length() > 5000) {
            errors.add(new FieldError("reasons", "validation.length", 10, 5000));
        }
        return errors;
    }
}
