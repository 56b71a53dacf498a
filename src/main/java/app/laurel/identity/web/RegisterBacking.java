package app.laurel.identity.web;

import app.laurel.identity.AccountService;
import app.laurel.identity.Registration;
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

    private final AccountForm form = new AccountForm();
    private String password;
    private String passwordConfirmation;

    public String register() {
        accounts.register(new Registration(form.toDetails(),
                password, passwordConfirmation));
        FacesFeedback.flashInfo("register.done");
        return "/login.xhtml?faces-redirect=true";
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

    public AccountForm getForm() {
        return form;
    }
}
