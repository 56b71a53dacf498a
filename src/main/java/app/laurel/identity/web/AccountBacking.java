package app.laurel.identity.web;

import app.laurel.identity.Account;
import app.laurel.identity.AccountService;
import app.laurel.identity.security.LaurelAuthenticationMechanism;
import app.laurel.identity.security.LoginClients;
import app.laurel.platform.web.FacesFeedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** {@code /account/index.xhtml}: my account, changing my password, and logging out. */
@Named
@RequestScoped
public class AccountBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private LoginClients clients;


    private Account account;
    private String currentPassword;
    private String newPassword;
    private String newPasswordConfirmation;

    public Account getAccount() {
        if (account == null) {
            account = accounts.currentAccount();
        }
        return account;
    }

    public String changePassword() {
        accounts.changePassword(currentPassword, newPassword, newPasswordConfirmation, clients.current());
        // This session stays logged in; every other one of the account ends.
        LaurelAuthenticationMechanism.loggedIn((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest(), accounts.sessionStamp(accounts.currentAccount().getUsername()));
        FacesFeedback.flashInfo("password.change.done");
        return "/account/index.xhtml?faces-redirect=true";
    }

    public void logout() throws ServletException, IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/");
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewPasswordConfirmation() {
        return newPasswordConfirmation;
    }

    public void setNewPasswordConfirmation(String newPasswordConfirmation) {
        this.newPasswordConfirmation = newPasswordConfirmation;
    }
}
