package app.laurel.identity.web;

import app.laurel.identity.LoginResult;
import app.laurel.identity.security.AfterLogin;
import app.laurel.identity.security.LaurelAuthenticationMechanism;
import app.laurel.identity.security.LoginAttempt;
import app.laurel.platform.web.FacesFeedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * {@code /login.xhtml}: hands the credentials to Jakarta Security. On success the visitor goes back to the
 * page that sent them here, or home.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    private SecurityContext security;

    @Inject
    private LoginAttempt attempt;

    @Inject
    private Clock clock;

    private String username;
    private String password;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username, new Password(password == null ? "" : password))));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                HttpServletRequest request = (HttpServletRequest) external.getRequest();
                // A new session id at login, so that an id planted before login (session fixation) is worthless.
                request.changeSessionId();
                LaurelAuthenticationMechanism.loggedIn(request, clock.instant());
                external.redirect(AfterLogin.take(request));
            }
            default -> refuse();
        }
    }

    private void refuse() {
        LoginResult result = attempt.result();
        if (result != null && result.status() == LoginResult.Status.THROTTLED) {
            long seconds = Math.max(1, Duration.between(clock.instant(), result.retryAfter()).toSeconds() + 1);
            FacesFeedback.error("login.throttled", seconds);
        } else {
            FacesFeedback.error("login.failed");
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
