package app.laurel.platform.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The visitor's language. Chinese unless they pick English with the switch in the header; the choice is kept
 * in a year-long cookie so that it survives a later visit. Read from that cookie on each request, never kept in
 * the HTTP session: every page's layout asks for the language, and an anonymous reader must get no session.
 */
@Named("language")
@RequestScoped
public class LanguageBacking implements Serializable {

    static final String COOKIE = "laurel_lang";
    private static final long serialVersionUID = 1L;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = fromCookie();
        }
        return locale;
    }

    public boolean isEnglish() {
        return Locale.ENGLISH.equals(getLocale());
    }

    /** The language the switch offers: the one not in use. */
    public String getOtherTag() {
        return isEnglish() ? "zh-CN" : "en";
    }

    public void switchLanguage() throws IOException {
        locale = isEnglish() ? Messages.CHINESE : Locale.ENGLISH;
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.addResponseCookie(COOKIE, locale.toLanguageTag(),
                Map.of("maxAge", 365 * 24 * 3600, "path", contextPath(external), "httpOnly", true, "SameSite", "Lax"));
        // Reload the same page so that every component renders in the new language. The switch posts to the
        // page's bare path (a postback loses /contest.xhtml?code=HY2021's query), so the page sends the address
        // it was shown at; only a path inside this application is followed, never another site.
        String back = external.getRequestParameterMap().get("back");
        external.redirect(isLocal(back, external.getRequestContextPath()) ? back : here());
    }

    /**
     * The address the visitor is looking at, query included; a page reached by a forward from a clean address
     * (the column's /column/HY2021) gives that address.
     */
    public String here() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        boolean forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) != null;
        String uri = forwarded ? (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) : request.getRequestURI();
        String query = forwarded ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING) : request.getQueryString();
        return uri + (query == null ? "" : "?" + query);
    }

    static boolean isLocal(String path, String contextPath) {
        return path != null && path.startsWith(contextPath + "/") && !path.startsWith("//") && !path.contains("\\")
                && path.chars().noneMatch(c -> c < 0x20);
    }

    private static String contextPath(ExternalContext external) {
        String path = external.getRequestContextPath();
        return path.isEmpty() ? "/" : path;
    }

    private static Locale fromCookie() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return Messages.CHINESE;
        }
        Object request = faces.getExternalContext().getRequest();
        if (request instanceof HttpServletRequest http && http.getCookies() != null) {
            for (Cookie cookie : http.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return Messages.supported(Locale.forLanguageTag(cookie.getValue()));
                }
            }
        }
        return Messages.CHINESE;
    }
}
