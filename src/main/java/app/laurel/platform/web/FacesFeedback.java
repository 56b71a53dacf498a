package app.laurel.platform.web;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.i18n.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.util.Locale;

/**
 * The one place that turns a service's refusal into faces messages in the visitor's language. A field error is
 * attached to the input of the same id inside the given form, so it appears beside that input.
 */
public final class FacesFeedback {

    private FacesFeedback() {
    }

    public static void show(String formId, LaurelException refusal) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = Messages.supported(faces.getViewRoot().getLocale());
        if (refusal instanceof InvalidInputException invalid) {
            for (FieldError field : invalid.errors()) {
                // Beside its input when the form has one of that id; otherwise among the page's messages.
                String clientId = formId + ":" + field.field();
                boolean hasInput = faces.getViewRoot().findComponent(":" + clientId) != null;
                faces.addMessage(hasInput ? clientId : null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        Messages.text(locale, field.messageKey(), field.args()), null));
            }
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.text(locale, invalid.messageKey()), null));
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.text(locale, refusal.messageKey(), refusal.args()), null));
        }
        faces.validationFailed();
    }

    /**
     * Ends the request with the 404 page: what a page's view action does when its parameter names nothing the
     * visitor may see, so that another person's entry looks exactly like a missing one.
     */
    /**
     * Answers 404 with the error page rendered in place, for pages reached through a forward (short links, clean
     * URLs): an error sent from inside a forward is shown through an include, in which Faces cannot work out its
     * view and fails; and a navigation outcome from a view action would become a redirect.
     */
    public static void notFoundInPlace() {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().setResponseStatus(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND);
        faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, "/errors/404.xhtml"));
        faces.renderResponse();
    }

    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    public static void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, key, args);
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, key, args);
    }

    /** A message that survives a redirect (post-redirect-get). */
    public static void flashInfo(String key, Object... args) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        info(key, args);
    }

    private static void add(FacesMessage.Severity severity, String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = Messages.supported(faces.getViewRoot().getLocale());
        faces.addMessage(null, new FacesMessage(severity, Messages.text(locale, key, args), null));
    }
}
