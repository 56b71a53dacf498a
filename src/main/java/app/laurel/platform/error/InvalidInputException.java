package app.laurel.platform.error;

import jakarta.ejb.ApplicationException;

import java.util.List;

/** Several fields of one form or request body were wrong; all of them are reported at once. */
@ApplicationException(rollback = true)
public class InvalidInputException extends LaurelException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(Kind.INVALID, "error.invalidInput");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String messageKey, Object... args) {
        return new InvalidInputException(List.of(new FieldError(field, messageKey, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
