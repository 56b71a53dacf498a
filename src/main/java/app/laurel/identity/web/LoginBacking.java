package app.laurel.identity.web;

import app.laurel.identity.LoginResult;
import app.laurel.identity.security.LoginAttempt;
import app.laurel.platform.web.FacesFeedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

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
        AuthenticationStatus status = SessionLogin.logIn(security, username, password);
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE) {
            refuse();
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
