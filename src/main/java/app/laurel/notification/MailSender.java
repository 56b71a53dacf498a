package app.laurel.notification;

/**
 * Sends mail. {@link SmtpMailer} talks to the configured server; {@link LoggingMailer} writes to the log when none
 * is configured. A sender may keep a connection open across the messages of one dispatch round: {@link #close()}
 * ends the round.
 */
public interface MailSender extends AutoCloseable {

    /** Sends one message; {@code messageId} is the same for every attempt at the same outbox row. */
    void send(String messageId, String to, String subject, String body) throws DeliveryFailure;

    @Override
    void close();
}
