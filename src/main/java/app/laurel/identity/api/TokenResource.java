package app.laurel.identity.api;

import app.laurel.identity.AccountService;
import app.laurel.identity.TokenOutcome;
import app.laurel.identity.security.LoginClients;
import app.laurel.platform.error.LaurelException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;

/** Bearer tokens: exchange a username and password for a token; revoke the one in use. */
@Path("tokens")
@RequestScoped
@Tag(name = "tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    public record Credentials(String username, String password) {
    }

    public record TokenJson(String token, Instant expiresAt) {
    }

    @Inject
    private AccountService accounts;

    @Inject
    private LoginClients clients;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpServletResponse response;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a bearer token", description = "401 for wrong credentials, whether the username exists or not; 429 with Retry-After after ten "
            + "failures for one username, or thirty from one address, except for a client that logged in to the account before "
            + "(the laurel_device cookie set with the token, or its address).")
    public Response issue(Credentials credentials) {
        if (credentials == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
        }
        TokenOutcome outcome = accounts.issueToken(credentials.username(), credentials.password(), clients.current());
        return switch (outcome.login().status()) {
            case OK -> {
                LoginClients.keep(request, response, outcome.login().device());
                yield Response.status(Response.Status.CREATED)
                        .entity(new TokenJson(outcome.token().token(), outcome.token().expiresAt())).build();
            }
            case INVALID -> throw new LaurelException(LaurelException.Kind.UNAUTHENTICATED, "login.failed");
            case THROTTLED -> throw throttled(outcome.login().retryAfter());
        };
    }

    @DELETE
    @Path("current")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Revoke the token sent with this request")
    public Response revoke(@HeaderParam("Authorization") String authorization) {
        accounts.revokeToken(authorization == null ? "" : authorization.replaceFirst("(?i)^Bearer\\s+", ""));
        return Response.noContent().build();
    }

    private static RuntimeException throttled(Instant retryAfter) {
        long seconds = Math.max(1, Duration.between(Instant.now(), retryAfter).toSeconds() + 1);
        LaurelException refusal = new LaurelException(LaurelException.Kind.THROTTLED, "login.throttled", seconds);
        return refusal;
    }
}
