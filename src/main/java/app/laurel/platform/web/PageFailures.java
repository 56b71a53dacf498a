package app.laurel.platform.web;

import app.laurel.platform.error.LaurelException;
import app.laurel.platform.health.DatabaseOutage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a page does with an exception nobody caught, in one place, for AJAX and full-page requests alike:
 * <ul>
 * <li>a stale or made-up page state: the 页面已过期 page ({@link ExpiredViews});</li>
 * <li>a save that lost to someone else's at commit ({@link OptimisticLockException} a service did not turn into a
 *     refusal itself): "已被他人修改" on the page, nothing saved;</li>
 * <li>a service's refusal ({@link LaurelException}, also inside an {@code EJBException}, {@code FacesException} or
 *     {@code ELException}): its translated message on the page, beside the field for a field error, and the page
 *     renders again, as it stood. Backing beans therefore catch a refusal only to do more than show it;</li>
 * <li>anything else in an AJAX request: logged once with its stack trace, and a general "操作没有完成" message on the
 *     page (the 503 text, with one log line, when the database is gone), where Faces' own answer showed nothing.
 *     A full-page request goes on to the container, which logs it once and shows the 500 page, or
 *     {@code DatabaseOutageFilter}'s 503 page.</li>
 * </ul>
 * Whatever fails while the page is being rendered cannot become a message on it: an AJAX request is sent to the
 * 500 page instead.
 */
public class PageFailures extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(PageFailures.class.getName());
    /** The template's global messages: every AJAX answer that carries a message renders them. */
    private static final String MESSAGES = "messages";

    public PageFailures(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    /** The first exception of the given type in the chain of causes, or null. */
    static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                ExceptionQueuedEventContext queued = events.next().getContext();
                if (handled(faces, queued.getException(), queued.getPhaseId())) {
                    events.remove();
                }
            }
            getWrapped().handle();
        }

        private static boolean handled(FacesContext faces, Throwable thrown, PhaseId phase) {
            if (ExpiredViews.isExpired(thrown)) {
                ExpiredViews.answer(faces);
                return true;
            }
            if (faces.getViewRoot() == null) {
                return false; // no page to show a message on: Faces' own answer
            }
            boolean rendering = phase == PhaseId.RENDER_RESPONSE;
            LaurelException refusal = find(thrown, LaurelException.class);
            if (!rendering && find(thrown, OptimisticLockException.class) != null) {
                FacesFeedback.error("error.stale");
                showOnPage(faces);
                return true;
            }
            if (!rendering && refusal != null) {
                FacesFeedback.show(refusal);
                showOnPage(faces);
                return true;
            }
            // A deadlock or lock wait timeout no service retried: the action was fine, its moment was not.
            if (!rendering && app.laurel.platform.persistence.LockConflicts.isTransient(thrown)) {
                LOG.warning(() -> "Lock conflict; the page was asked to try again: " + thrown);
                FacesFeedback.error("platform.busy", 5);
                showOnPage(faces);
                return true;
            }
            if (!faces.getPartialViewContext().isAjaxRequest() || faces.getResponseComplete()) {
                return false;
            }
            HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
            boolean outage = DatabaseOutage.causedBy(thrown);
            if (outage) {
                LOG.warning(() -> "Database unreachable; told the page: " + request.getRequestURI() + ": " + thrown);
            } else {
                LOG.log(Level.SEVERE, "Unexpected failure of an AJAX request to " + request.getRequestURI(), thrown);
            }
            if (rendering) {
                redirectToErrorPage(faces);
            } else {
                FacesFeedback.error(outage ? "error.503.text" : "error.unexpected");
                showOnPage(faces);
            }
            return true;
        }

        /** Renders the page again with its messages, skipping what the failed step would have done next. */
        private static void showOnPage(FacesContext faces) {
            faces.validationFailed();
            faces.renderResponse();
            PartialViewContext partial = faces.getPartialViewContext();
            if (partial.isAjaxRequest() && !partial.isRenderAll() && !partial.getRenderIds().contains(MESSAGES)
                    && faces.getViewRoot().findComponent(MESSAGES) != null) {
                partial.getRenderIds().add(MESSAGES);
            }
        }

        /** Throws away what was rendered so far and tells PrimeFaces to open the 500 page. */
        private static void redirectToErrorPage(FacesContext faces) {
            ExternalContext external = faces.getExternalContext();
            if (!external.isResponseCommitted()) {
                external.responseReset();
                try {
                    external.redirect(external.getRequestContextPath() + "/errors/500.xhtml");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            faces.responseComplete();
        }
    }
}
