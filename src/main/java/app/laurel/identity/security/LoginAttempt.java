package app.laurel.identity.security;

import app.laurel.identity.LoginClient;
import app.laurel.identity.LoginResult;
import jakarta.enterprise.context.RequestScoped;

/**
 * Carries this request's login attempt between the authentication mechanism, the identity store and the login
 * page: the client (address, device cookie) in, the outcome out, since Jakarta Security itself only passes
 * credentials in and "valid or not" out, and the page must be able to say "too many attempts, wait".
 */
@RequestScoped
public class LoginAttempt {

    private LoginClient client = new LoginClient("", null);
    private LoginResult result;

    void begin(LoginClient client) {
        this.client = client;
    }

    LoginClient client() {
        return client;
    }

    void record(LoginResult result) {
        this.result = result;
    }

    public LoginResult result() {
        return result;
    }
}
