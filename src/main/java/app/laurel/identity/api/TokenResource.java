package app.laurel.identity.api;

import app.laurel.identity.AccountService;
import app.laurel.identity.TokenOutcome;
import app.laurel.platform.error.LaurelException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a bearer token", description = "401 for wrong credentials; 429 with Retry-After after ten failures in a row.")
    public Response issue(Credentials credentials) {
        if (credentials == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
        }
        TokenOutcome outcome = accounts.issueToken(credentials.username(), credentials.password());
        return switch (outcome.login().status()) {
            case OK -> Response.status(Response.Status.CREATED)
                    .entity(new TokenJson(outcome.token().token(), outcome.token().expiresAt())).build();
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
