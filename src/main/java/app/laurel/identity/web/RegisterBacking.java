package app.laurel.identity.web;

import app.laurel.identity.AccountDetails;
import app.laurel.identity.AccountService;
import app.laurel.identity.Registration;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.web.FacesFeedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code /register.xhtml}: a citizen creates their account, then logs in. */
@Named
@RequestScoped
public class RegisterBacking {

    @Inject
    private AccountService accounts;

    private String username;
    private String displayName;
    private String phone;
    private String email;
    private String password;
    private String passwordConfirmation;

    public String register() {
        try {
            accounts.register(new Registration(AccountDetails.normalised(username, displayName, phone, email),
                    password, passwordConfirmation));
        } catch (LaurelException refusal) {
            FacesFeedback.show("register", refusal);
            return null;
        }
        FacesFeedback.flashInfo("register.done");
        return "/login.xhtml?faces-redirect=true";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }
}
