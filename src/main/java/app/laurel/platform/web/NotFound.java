package app.laurel.platform.web;

import app.laurel.platform.error.LaurelException;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The one way a page says "there is nothing here": a view action loads what its parameters name through
 * {@link #unless}, and a refusal (missing, or not the visitor's to see) answers 404 with the error page, so that
 * another person's entry looks exactly like a missing one.
 */
public final class NotFound {

    private NotFound() {
    }

    /** What {@code load} returns; or, when the service refuses, null once 404 has been answered. */
    public static <T> T unless(Supplier<T> load) {
        try {
            return load.get();
        } catch (LaurelException refusal) {
            answer();
            return null;
        }
    }

    /**
     * Ends the request with the 404 page. Pages reached through a forward (short links, clean URLs) get the page
     * rendered in place: an error sent from inside a forward is shown through an include, in which Faces cannot
     * work out its view and fails; and a navigation outcome from a view action would become a redirect.
     */
    public static void answer() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getExternalContext().getRequestMap().containsKey(RequestDispatcher.FORWARD_REQUEST_URI)) {
            faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
            faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, "/errors/404.xhtml"));
            faces.renderResponse();
            return;
        }
        try {
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
