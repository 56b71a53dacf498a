package app.laurel.platform.security;

import app.laurel.identity.LoginResult;
import jakarta.enterprise.context.RequestScoped;

/**
 * Carries the outcome of this request's login attempt from the identity store back to the login page, which
 * otherwise only learns "failed" from Jakarta Security and could not say "too many attempts, wait".
 */
@RequestScoped
public class LoginAttempt {

    private LoginResult result;

    void record(LoginResult result) {
        this.result = result;
    }

    public LoginResult result() {
        return result;
    }
}
