package app.laurel.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.persistence.OptimisticLockException;

import java.util.Iterator;

/**
 * A page's save that loses to someone else's at commit (an {@link OptimisticLockException} a service did not turn
 * into a refusal itself) is a message on the page, "已被他人修改", not the 500 page: nothing was saved, and reopening
 * shows the other person's change. Services that check versions ({@code Versions}) refuse before it comes to this.
 */
public class StaleEdits extends ExceptionHandlerFactory {

    public StaleEdits(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                if (lostToAnotherSave(events.next().getContext().getException())) {
                    events.remove();
                    FacesFeedback.error("error.stale");
                    FacesContext faces = FacesContext.getCurrentInstance();
                    faces.validationFailed();
                    faces.renderResponse();
                }
            }
            getWrapped().handle();
        }

        private static boolean lostToAnotherSave(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof OptimisticLockException) {
                    return true;
                }
            }
            return false;
        }
    }
}
