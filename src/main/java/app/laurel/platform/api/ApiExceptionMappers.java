package app.laurel.platform.api;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.error.StaleVersionException;
import app.laurel.platform.i18n.Messages;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a resource into the JSON error body with the right status: refusals from
 * services keep their meaning (400, 403, 404, 409, 429); a role check failing is 401 for an anonymous caller
 * and 403 for a known one; anything unexpected is logged and answered 500 without a stack trace.
 */
@Provider
public class ApiExceptionMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

    @Context
    private HttpHeaders headers;

    @Context
    private SecurityContext security;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof InvalidInputException invalid) {
            return respond(400, "invalid_input", invalid.messageKey(), invalid.args(), invalid.errors());
        }
        if (cause instanceof StaleVersionException stale) {
            return stale(stale);
        }
        if (cause instanceof LaurelException refusal) {
            return switch (refusal.kind()) {
                case INVALID -> respond(400, "invalid_input", refusal.messageKey(), refusal.args(), null);
                case NOT_FOUND -> respond(404, "not_found", refusal.messageKey(), refusal.args(), null);
                case FORBIDDEN -> respond(403, "forbidden", refusal.messageKey(), refusal.args(), null);
                case CONFLICT -> respond(409, "conflict", refusal.messageKey(), refusal.args(), null);
                case THROTTLED -> Response.fromResponse(respond(429, "too_many_requests", refusal.messageKey(), refusal.args(), null))
                        .header("Retry-After", refusal.args().length > 0 ? refusal.args()[0] : 60).build();
                case UNAUTHENTICATED -> respond(401, "unauthenticated", refusal.messageKey(), refusal.args(), null);
            };
        }
        if (cause instanceof EJBAccessException || cause instanceof AccessLocalException || cause instanceof ForbiddenException) {
            return security.getUserPrincipal() == null
                    ? respond(401, "unauthenticated", "api.unauthenticated", null, null)
                    : respond(403, "forbidden", "api.forbidden", null, null);
        }
        if (cause instanceof NotFoundException) {
            return respond(404, "not_found", "api.notFound", null, null);
        }
        if (cause instanceof NotAllowedException) {
            return respond(405, "method_not_allowed", "api.methodNotAllowed", null, null);
        }
        // Two people changing the same thing at once (a version moved, a unique key taken meanwhile): say so, retry.
        if (causedBy(thrown, jakarta.persistence.OptimisticLockException.class)) {
            return stale(StaleVersionException.raced());
        }
        if (causedBy(thrown, java.sql.SQLIntegrityConstraintViolationException.class)) {
            return respond(409, "conflict", "api.changedMeanwhile", null, null);
        }
        if (cause instanceof NotSupportedException) {
            return respond(415, "unsupported_media_type", "api.unsupportedMediaType", null, null);
        }
        if (cause instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return respond(web.getResponse().getStatus(), "bad_request", "api.badRequest", null, null);
        }
        if (app.laurel.platform.health.DatabaseOutage.causedBy(thrown)) {
            LOG.warning(() -> "Database unreachable; answered 503: " + thrown);
            return Response.fromResponse(respond(503, "unavailable", "api.databaseUnavailable", null, null))
                    .header("Retry-After", 30).build();
        }
        // A deadlock or lock wait timeout where no service retried it: the request was fine, its timing was not.
        if (app.laurel.platform.persistence.LockConflicts.isTransient(thrown)) {
            LOG.warning(() -> "Lock conflict answered 429: " + thrown);
            return Response.fromResponse(respond(429, "too_many_requests", "platform.busy", new Object[] {5}, null))
                    .header("Retry-After", 5).build();
        }
        LOG.log(Level.SEVERE, "Unexpected error in the API", thrown);
        return respond(500, "internal_error", "api.internalError", null, null);
    }

    /** 409 with what the caller needs to redo the change: the current version, who saved it and when, what differs. */
    private Response stale(StaleVersionException stale) {
        JsonObjectBuilder body = Json.createObjectBuilder(ApiErrors.body(locale(), "conflict", stale.messageKey(), stale.args(),
                stale.fields().stream().map(f -> new FieldError(f, "error.stale.field")).toList()));
        if (stale.currentVersion() >= 0) {
            body.add("currentVersion", stale.currentVersion());
        }
        if (stale.changedBy() != null) {
            body.add("changedBy", stale.changedBy()).add("changedAt", stale.changedAt().toString());
        }
        Response.ResponseBuilder builder = Response.status(409).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body.build().toString());
        return stale.currentVersion() >= 0 ? builder.tag(new EntityTag(String.valueOf(stale.currentVersion()))).build() : builder.build();
    }

    private Locale locale() {
        return Messages.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private Response respond(int status, String code, String key, Object[] args, List<FieldError> fields) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(ApiErrors.body(locale(), code, key, args, fields).toString());
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** EJBs wrap application exceptions only when they are not declared; unwrap to find the real refusal. */
    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while (current.getCause() != null && !(current instanceof LaurelException)
                && !(current instanceof EJBAccessException) && !(current instanceof AccessLocalException)
                && (current instanceof jakarta.ejb.EJBException || current instanceof jakarta.transaction.RollbackException)) {
            current = current.getCause();
        }
        return current;
    }
}
