package app.laurel.notification;

import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.config.LaurelConfig.Key;
import jakarta.mail.internet.AddressException;

import java.util.logging.Logger;

/** Chooses the mail and SMS senders from the configuration: the real ones when configured, the logging ones if not. */
final class Senders {

    private static final Logger LOG = Logger.getLogger(Senders.class.getName());

    private Senders() {
    }

    static MailSender mail(LaurelConfig config) {
        String host = config.get(Key.MAIL_HOST).strip();
        if (host.isEmpty()) {
            LOG.warning("laurel.mail.host is not set: mail is written to the log, not sent");
            return new LoggingMailer();
        }
        try {
            return new SmtpMailer(host, (int) config.number(Key.MAIL_PORT), config.get(Key.MAIL_FROM).strip(),
                    config.get(Key.MAIL_USER), config.get(Key.MAIL_PASSWORD), config.get(Key.MAIL_TLS).strip());
        } catch (AddressException e) {
            throw new IllegalStateException("laurel.mail.from is not a mail address: " + config.get(Key.MAIL_FROM), e);
        }
    }

    static SmsSender sms(LaurelConfig config) {
        String url = config.get(Key.SMS_URL).strip();
        if (url.isEmpty()) {
            LOG.warning("laurel.sms.url is not set: SMS are written to the log, not sent");
            return new LoggingSmsSender();
        }
        return new HttpSmsGateway(url, config.get(Key.SMS_BODY), config.get(Key.SMS_CONTENT_TYPE).strip(),
                config.get(Key.SMS_USER), config.get(Key.SMS_PASSWORD));
    }
}
