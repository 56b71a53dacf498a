package app.laurel.notification;

import java.util.logging.Logger;

/** The mail "server" when none is configured (development): the message goes to the server log. */
public class LoggingMailer implements MailSender {

    private static final Logger LOG = Logger.getLogger(LoggingMailer.class.getName());

    @Override
    public void send(String messageId, String to, String subject, String body) {
        LOG.info(() -> "Mail (no SMTP server configured) to " + to + ": " + subject);
    }

    @Override
    public void close() {
        // nothing is held open
    }
}
