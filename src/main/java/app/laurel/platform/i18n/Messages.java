package app.laurel.platform.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Looks up user-facing text. Chinese is the default bundle ({@code messages.properties}); English is
 * {@code messages_en.properties}. Pages use the same bundle through {@code #{msg[...]}}.
 */
public final class Messages {

    public static final String BUNDLE = "app.laurel.i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    private Messages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported(locale), Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(translated(locale, args));
    }

    /** Arguments that are themselves messages ({@link Text}) in the same language as the message around them. */
    private static Object[] translated(Locale locale, Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Text nested) {
                out[i] = text(locale, nested.key(), nested.args());
            }
        }
        return out;
    }

    /** Maps any requested locale onto the two we speak; anything but English gets Chinese. */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }

    /** Reads an {@code Accept-Language} header; no header, or no English in it first, means Chinese. */
    /**
     * The language of a download: the one the visitor chose on the pages (the {@code laurel_lang} cookie, sent when
     * a page links to the API), else the request's Accept-Language.
     */
    public static Locale fromCookieOrHeader(String cookie, String acceptLanguage) {
        return cookie == null || cookie.isBlank() ? fromAcceptLanguage(acceptLanguage) : supported(Locale.forLanguageTag(cookie.strip()));
    }

    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return CHINESE;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            Locale best = Locale.lookup(ranges, SUPPORTED);
            return supported(best);
        } catch (IllegalArgumentException e) {
            return CHINESE;
        }
    }
}
