package app.laurel.identity.security;

import app.laurel.identity.LoginClient;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.web.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;

/**
 * The client of a login attempt as the login throttle sees it: its address and its device cookie, a random id
 * handed out at a successful login (page or API) so that the same browser or script is recognised as one that
 * already knew the password, and cannot be locked out by someone guessing elsewhere. The cookie is HttpOnly and
 * SameSite=Strict: only this site's own login form and token requests ever need it.
 */
@RequestScoped
public class LoginClients {

    static final String COOKIE = "laurel_device";
    private static final Duration KEPT = Duration.ofDays(180);

    @Inject
    private HttpServletRequest request;

    @Inject
    private LaurelConfig config;

    /** This request's client, for the resources and pages that check a password. */
    public LoginClient current() {
        return of(request, config);
    }

    public static LoginClient of(HttpServletRequest request, LaurelConfig config) {
        String device = null;
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    device = cookie.getValue();
                }
            }
        }
        return new LoginClient(ClientAddress.of(request, config), device);
    }

    /** Asks the client to keep its device id after a successful login. */
    public static void keep(HttpServletRequest request, HttpServletResponse response, String device) {
        if (device == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, device);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) KEPT.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }
}
