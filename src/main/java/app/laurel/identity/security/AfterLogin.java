package app.laurel.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Remembers the page an anonymous visitor asked for, so that logging in takes them there. Only local paths are
 * ever returned, so a crafted link cannot turn the login page into a redirect to another site.
 */
public final class AfterLogin {

    private static final String ATTRIBUTE = "laurel.afterLogin";

    private AfterLogin() {
    }

    static void remember(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query == null ? "" : "?" + query);
        request.getSession(true).setAttribute(ATTRIBUTE, target);
    }

    /** The remembered local path, or the home page; forgets it either way. */
    public static String take(HttpServletRequest request) {
        String home = request.getContextPath() + "/";
        HttpSession session = request.getSession(false);
        if (session == null) {
            return home;
        }
        Object target = session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        if (target instanceof String path && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")) {
            return path;
        }
        return home;
    }
}
