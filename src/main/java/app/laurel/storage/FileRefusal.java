package app.laurel.storage;

import app.laurel.platform.error.InvalidInputException;

/**
 * Why an uploaded file is refused, as a message key the uploader reads: its content is not an allowed type, or
 * contradicts its name, or carries active content (scripts, macros, remote templates), or could not be checked
 * within the bounds of time and stack.
 */
public class FileRefusal extends Exception {

    private final String messageKey;
    private final transient Object[] args;

    public FileRefusal(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public InvalidInputException asInvalidInput() {
        return InvalidInputException.of("file", messageKey, args);
    }
}
