package app.laurel.notification;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Date;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mail through Jakarta Mail (Angus Mail, bundled by Payara) to the SMTP server of {@code laurel.mail.*}. One
 * connection serves the messages of a dispatch round and is dropped on any error, so the next message reconnects.
 * Every network step has a timeout well below the outbox's claim time, so a hung server cannot hold a message past
 * its claim (when another node could take it and send it a second time).
 */
public class SmtpMailer implements MailSender {

    private static final Logger LOG = Logger.getLogger(SmtpMailer.class.getName());
    private static final String TIMEOUT_MS = "20000";

    private final Session session;
    private final InternetAddress from;
    private final String user;
    private final String password;
    private Transport transport;

    public SmtpMailer(String host, int port, String from, String user, String password, String tls) throws AddressException {
        Properties props = new Properties();
        boolean ssl = "ssl".equalsIgnoreCase(tls);
        String protocol = ssl ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", host);
        props.put("mail." + protocol + ".port", String.valueOf(port));
        props.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        props.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        props.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        props.put("mail." + protocol + ".auth", String.valueOf(user != null && !user.isBlank()));
        if ("starttls".equalsIgnoreCase(tls)) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (ssl || "starttls".equalsIgnoreCase(tls)) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(props);
        this.from = new InternetAddress(from, true);
        this.user = user == null || user.isBlank() ? null : user;
        this.password = password;
    }

    @Override
    public void send(String messageId, String to, String subject, String body) throws DeliveryFailure {
        try {
            MimeMessage message = new FixedIdMessage(session, messageId);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(new Date());
            message.saveChanges();
            Transport connected = connected();
            connected.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            close();
            throw classify(e);
        }
    }

    private Transport connected() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            transport = session.getTransport();
            if (user == null) {
                transport.connect(); // no AUTH at all: an empty login is refused by servers that offer AUTH
            } else {
                transport.connect(user, password);
            }
        }
        return transport;
    }

    /**
     * Permanent only when the server refused the recipient itself (5xx to RCPT TO, which Jakarta Mail reports as an
     * invalid address) or the address cannot be written at all; a 4xx, a refused sender or a lost connection are
     * tried again.
     */
    static DeliveryFailure classify(MessagingException e) {
        if (e instanceof AddressException) {
            return new DeliveryFailure("not a mail address: " + e.getMessage(), true, e);
        }
        if (e instanceof SendFailedException failed) {
            Address[] invalid = failed.getInvalidAddresses();
            if (invalid != null && invalid.length > 0) {
                Exception reason = failed.getNextException();
                return new DeliveryFailure("refused by the mail server: " + (reason != null ? reason.getMessage() : e.getMessage()), true, e);
            }
        }
        return new DeliveryFailure("mail not sent: " + e, false, e);
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "closing the SMTP connection", e);
            }
            transport = null;
        }
    }

    /** Keeps the Message-ID that {@link MimeMessage#saveChanges()} would otherwise make up anew for each attempt. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
