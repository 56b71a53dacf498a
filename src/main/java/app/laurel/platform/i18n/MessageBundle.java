package app.laurel.platform.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.AbstractMap;
import java.util.Locale;
import java.util.Set;

/**
 * The bundle as pages see it: {@code #{msg['home.title']}}. A bean rather than a faces-config
 * {@code <resource-bundle>} because the JDK's lookup would fall back to the server's default locale before
 * our Chinese base bundle, and an English-speaking server would then show English to Chinese visitors.
 */
@Named("msg")
@RequestScoped
public class MessageBundle extends AbstractMap<String, String> {

    @Override
    public String get(Object key) {
        return Messages.text(locale(), String.valueOf(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    public String format(String key, Object... args) {
        return Messages.text(locale(), key, args);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return Set.of();
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null) {
            return Messages.supported(faces.getViewRoot().getLocale());
        }
        return Messages.CHINESE;
    }
}
