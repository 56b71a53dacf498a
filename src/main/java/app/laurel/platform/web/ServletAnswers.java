package app.laurel.platform.web;

import app.laurel.platform.error.LaurelException;
import app.laurel.platform.health.DatabaseOutage;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the servlets that stream files, certificates and pictures share. A service's refusal keeps its meaning
 * ("not found" 404, "not allowed" 403, and the API's statuses for the rarer kinds); anything else (a database
 * outage, a bug) is not a missing file: it is logged and answered 500, or 503 with Retry-After when the database
 * cannot be reached, so that the error pages and the logs tell what happened.
 */
public final class ServletAnswers {

    private static final Logger LOG = Logger.getLogger(ServletAnswers.class.getName());

    /** What a servlet does once its path matched; a service it calls may refuse. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException, ServletException;
    }

    private ServletAnswers() {
    }

    /** The request's path after the servlet's own, matched against {@code pattern} (an absent path matches as ""). */
    public static Matcher path(HttpServletRequest request, Pattern pattern) {
        return pattern.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /** Answers 403 and returns false for a visitor who has not logged in. */
    public static boolean loggedIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return false;
        }
        return true;
    }

    /** Runs {@code work}, turning what it throws into the status it means (see the class comment). */
    public static void answer(HttpServletRequest request, HttpServletResponse response, Work work)
            throws IOException, ServletException {
        try {
            work.run();
        } catch (LaurelException refusal) {
            response.sendError(status(refusal.kind()));
        } catch (EJBAccessException notAllowed) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } catch (RuntimeException failure) {
            if (response.isCommitted()) {
                // Part of the answer has gone out: the client sees a cut-short body; the log says why.
                LOG.log(Level.SEVERE, "Failed while answering " + request.getRequestURI(), failure);
            } else if (DatabaseOutage.causedBy(failure)) {
                LOG.warning(() -> "Database unreachable; answered 503 to " + request.getRequestURI() + ": " + failure);
                response.setHeader("Retry-After", "30");
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            } else {
                LOG.log(Level.SEVERE, "Unexpected error answering " + request.getRequestURI(), failure);
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }

    private static int status(LaurelException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case THROTTLED -> 429;
            case UNAUTHENTICATED -> HttpServletResponse.SC_UNAUTHORIZED;
        };
    }
}
