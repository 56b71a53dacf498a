package app.laurel.identity.web;

import app.laurel.identity.AccountService;
import app.laurel.identity.Registration;
import app.laurel.platform.web.FacesFeedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;

import java.io.IOException;

/**
 * {@code /register.xhtml}: a citizen creates their account and is logged in at once, then goes on to the page they
 * were going to (我要投稿 → 登录 → 注册 → back on the entry form); the target is the local path the login
 * remembered, never one from the request.
 */
@Named
@RequestScoped
public class RegisterBacking {

    @Inject
    private AccountService accounts;

    private final AccountForm form = new AccountForm();
    private String password;
    private String passwordConfirmation;

    @Inject
    private SecurityContext security;


    public String register() throws IOException {
        String username = accounts.register(new Registration(form.toDetails(), password, passwordConfirmation)).getUsername();
        // Said before the login redirects: the flash keeps it for the page the visitor lands on.
        FacesFeedback.flashInfo("register.welcome");
        if (SessionLogin.logIn(security, username, password) == AuthenticationStatus.SUCCESS) {
            return null;
        }
        for (var messages = FacesContext.getCurrentInstance().getMessages(); messages.hasNext(); ) {
            messages.next();
            messages.remove(); // not logged in after all (throttled): the login page says what to do
        }
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
