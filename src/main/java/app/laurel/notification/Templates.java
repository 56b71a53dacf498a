package app.laurel.notification;

import app.laurel.platform.i18n.Messages;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The texts of a notification: bundle keys {@code notify.<template>.subject}, {@code .body} and {@code .sms}, each a
 * {@link MessageFormat} pattern (always, so an apostrophe is written {@code ''} even without arguments). Unlike page
 * text, a missing key is an error: a message that would say "notify.x.body" to a judge must fail where it is queued,
 * in the developer's test, not in someone's mailbox.
 */
public final class Templates {

    static final String[] PARTS = {"subject", "body", "sms"};
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

    private Templates() {
    }

    /** What one message says in one language. */
    public record Rendered(String subject, String body, String sms) {
    }

    /** Refuses a template that is not in both languages with all three parts. */
    public static void require(String template) {
        if (template == null || !NAME.matcher(template).matches() || template.length() > 64) {
            throw new IllegalArgumentException("not a notification template name: " + template);
        }
        for (Locale locale : Messages.SUPPORTED) {
            for (String part : PARTS) {
                pattern(locale, template, part);
            }
        }
    }

    public static Rendered render(String template, Locale locale, Object... args) {
        require(template);
        Locale language = Messages.supported(locale);
        return new Rendered(format(language, template, "subject", args), format(language, template, "body", args),
                format(language, template, "sms", args));
    }

    private static String format(Locale locale, String template, String part, Object[] args) {
        return new MessageFormat(pattern(locale, template, part), locale).format(args == null ? new Object[0] : args);
    }

    private static String pattern(Locale locale, String template, String part) {
        String key = "notify." + template + "." + part;
        try {
            return bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("unknown notification template: no " + key + " for " + locale, e);
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(Messages.BUNDLE, locale, Templates.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
