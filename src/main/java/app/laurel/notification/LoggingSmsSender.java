package app.laurel.notification;

import java.util.logging.Logger;

/**
 * The SMS "gateway" when none is configured: writes the message to the server log, with the number's middle digits
 * hidden (a log is read by more people than the SMS would be).
 */
public class LoggingSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(LoggingSmsSender.class.getName());

    @Override
    public void send(String phone, String text) {
        LOG.info(() -> "SMS (no gateway configured) to " + masked(phone) + ": " + text);
    }

    static String masked(String phone) {
        return phone.length() <= 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
