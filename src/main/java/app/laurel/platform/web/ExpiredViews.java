package app.laurel.platform.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * A form posted with a page state the server does not have (the session ended, the server restarted, or the
 * state was made up by a scanner) answers the "页面已过期" page with 400 and one line in the log, not a 500 with
 * a stack trace: a scanner sending hundreds of them must not fill the disk. An AJAX post is told to go to that
 * page, which is the only answer PrimeFaces shows the visitor; a full-page post is marked, and
 * {@link ExpiredViewFilter} shows the page once Faces has let go of the request. {@link PageFailures} calls it.
 */
final class ExpiredViews {

    static final String PAGE = "/errors/expired.xhtml";
    static final String MARK = "laurel.expiredView";
    private static final Logger LOG = Logger.getLogger(ExpiredViews.class.getName());

    private ExpiredViews() {
    }

    static boolean isExpired(Throwable thrown) {
        return PageFailures.find(thrown, ViewExpiredException.class) != null;
    }

    static void answer(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        log(request);
        if (faces.getPartialViewContext().isAjaxRequest()) {
            try {
                external.redirect(external.getRequestContextPath() + PAGE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
            return;
        }
        request.setAttribute(MARK, Boolean.TRUE);
        faces.responseComplete();
    }

    static void log(HttpServletRequest request) {
        LOG.info(() -> "Stale or unknown page state: " + request.getMethod() + " " + request.getRequestURI()
                + " from " + request.getRemoteAddr());
    }
}
