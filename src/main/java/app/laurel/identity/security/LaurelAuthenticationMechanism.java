package app.laurel.identity.security;

import app.laurel.identity.AccountService;
import app.laurel.identity.Caller;
import app.laurel.platform.api.ApiErrors;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.web.PublicUrl;
import app.laurel.platform.web.SecurityHeadersFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import javax.security.auth.callback.Callback;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * The one authentication mechanism (Jakarta Security 3 allows one per application), with two faces:
 * <ul>
 *   <li>{@code /api/...}: a bearer token in {@code Authorization}; no HTTP session is made. An unknown token
 *       gets 401 with a JSON body here; a missing one leaves the request anonymous for the resource to judge.</li>
 *   <li>pages: form login through {@code SecurityContext.authenticate} from the login page; the login is kept
 *       in the HTTP session; anonymous visitors of a protected page are sent to log in, and the login page
 *       sends them back (see {@link AfterLogin}). Done here rather than with {@code @LoginToContinue}, whose
 *       interceptor would redirect before a login kept in the session is recognised.</li>
 * </ul>
 */
@ApplicationScoped
public class LaurelAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final String SESSION_STAMP = "laurel.sessionStamp";

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private AccountService accounts;

    @Inject
    private LaurelConfig config;

    @Inject
    private LoginAttempt attempt;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (isApi(request)) {
            return validateApiRequest(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            attempt.begin(LoginClients.of(request, config));
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                // Ask the container to keep this login in the HTTP session (what @AutoApplySession does for pages).
                context.getMessageInfo().getMap().put("jakarta.servlet.http.registerSession", Boolean.TRUE.toString());
                LoginClients.keep(request, response, attempt.result().device());
            }
            return context.notifyContainerAboutLogin(result);
        }
        Principal sessionCaller = request.getUserPrincipal();
        Optional<Set<String>> groups = sessionCaller == null ? Optional.empty() : sessionGroups(request, sessionCaller);
        if (groups.isPresent()) {
            return reaffirm(context, sessionCaller, groups.get());
        }
        if (context.isProtected()) {
            AfterLogin.remember(request);
            // Not context.redirect: the container would make the path absolute from the request's Host header.
            SecurityHeadersFilter.addTo(response);
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", PublicUrl.origin(config) + request.getContextPath() + "/login.xhtml");
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.doNothing();
    }

    private AuthenticationStatus validateApiRequest(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) throws AuthenticationException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            // The page's session also speaks for the API in two cases where another site cannot abuse it (no
            // CSRF): reads (GET, HEAD: the pages link to the API's downloads; another site could send such a
            // request but never read the answer), and the resumable uploader, whose JSON and octet-stream bodies
            // another site cannot send without CORS consent.
            Principal sessionCaller = request.getUserPrincipal();
            Optional<Set<String>> groups = sessionCaller == null ? Optional.empty() : sessionGroups(request, sessionCaller);
            if (sessionCaller != null && groups.isEmpty()) {
                return context.doNothing();
            }
            boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            if (sessionCaller != null
                    && (read || request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/uploads"))) {
                return reaffirm(context, sessionCaller, groups.get());
            }
            return context.doNothing();
        }
        Optional<Caller> caller = accounts.resolveToken(header.substring(BEARER.length()).strip());
        if (caller.isEmpty()) {
            try {
                SecurityHeadersFilter.addTo(response);
                ApiErrors.write(response, request, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", "api.token.invalid");
            } catch (IOException e) {
                throw new AuthenticationException(e);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.notifyContainerAboutLogin(caller.get().username(), caller.get().groups());
    }

    /** Marks the session as logged in with the password of this stamp, so that a later change ends it ({@link #sessionGroups}). */
    public static void loggedIn(HttpServletRequest request, String stamp) {
        request.getSession().setAttribute(SESSION_STAMP, stamp);
    }

    /**
     * A session ends when the account's password changes after it logged in (whoever changed it, on whatever
     * device), or when the account is disabled; it is then invalidated and the request goes on as anonymous.
     */
    private Optional<Set<String>> sessionGroups(HttpServletRequest request, Principal caller) {
        HttpSession session = request.getSession(false);
        Object stamp = session == null ? null : session.getAttribute(SESSION_STAMP);
        Optional<Set<String>> groups = accounts.sessionGroups(caller.getName(), stamp instanceof String kept ? kept : null);
        if (groups.isEmpty() && session != null) {
            session.invalidate();
        }
        return groups;
    }

    /**
     * Confirms the session's caller with its groups: on the node where the person logged in the container still
     * knows them, but a session read from the Data Grid on another node carries only the principal (issue 16:
     * without the groups every role-guarded page answered 403 after a node change).
     */
    private static AuthenticationStatus reaffirm(HttpMessageContext context, Principal principal, Set<String> groups)
            throws AuthenticationException {
        try {
            context.getHandler().handle(new Callback[]{new CallerPrincipalCallback(context.getClientSubject(), principal),
                    new GroupPrincipalCallback(context.getClientSubject(), groups.toArray(String[]::new))});
        } catch (Exception e) {
            throw new AuthenticationException(e);
        }
        return AuthenticationStatus.SUCCESS;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
