package app.laurel.identity.web;

import app.laurel.identity.security.AfterLogin;
import app.laurel.identity.security.LaurelAuthenticationMechanism;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * A page login through Jakarta Security, shared by the login page and registration (a new citizen is logged in at
 * once): on success a new session id, the password's session stamp, and a redirect to the local page the visitor was going to.
 */
final class SessionLogin {

    private SessionLogin() {
    }

    static AuthenticationStatus logIn(SecurityContext security, String username, String password) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new UsernamePasswordCredential(
                        username == null ? "" : username, new Password(password == null ? "" : password))));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                // A new session id at login, so that an id planted before login (session fixation) is worthless.
                request.changeSessionId();
                LaurelAuthenticationMechanism.loggedIn(request, jakarta.enterprise.inject.spi.CDI.current()
                        .select(app.laurel.identity.AccountService.class).get().sessionStamp(request.getUserPrincipal().getName()));
                external.redirect(AfterLogin.take(request));
            }
            default -> {
                // the caller says why
            }
        }
        return status;
    }
}
