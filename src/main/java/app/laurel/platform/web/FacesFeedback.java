package app.laurel.platform.web;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.i18n.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that turns a service's refusal into faces messages in the visitor's language. A field error is
 * attached to the input of the same id inside the given form, so it appears beside that input.
 */
public final class FacesFeedback {

    private FacesFeedback() {
    }

    /** The refusal shown for the form that was posted: where {@link PageFailures} sends every uncaught one. */
    public static void show(LaurelException refusal) {
        show(postedForm(FacesContext.getCurrentInstance()), refusal);
    }

    private static void show(String formId, LaurelException refusal) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = Messages.supported(faces.getViewRoot().getLocale());
        if (refusal instanceof InvalidInputException invalid) {
            for (FieldError field : invalid.errors()) {
                // Beside its input when the form has one of that id; otherwise among the page's messages.
                String clientId = formId + ":" + field.field();
                boolean hasInput = formId != null && faces.getViewRoot().findComponent(":" + clientId) != null;
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
     * The client id of the form that was posted: Faces renders a hidden field named after each form, and PrimeFaces
     * sends it with every AJAX request, even one that submits only part of the form.
     */
    static String postedForm(FacesContext faces) {
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        String[] found = new String[1];
        VisitContext forms = VisitContext.createVisitContext(faces, null, EnumSet.of(VisitHint.SKIP_ITERATION));
        faces.getViewRoot().visitTree(forms, (context, target) -> {
            if (target instanceof UIForm && parameters.containsKey(target.getClientId(faces))) {
                found[0] = target.getClientId(faces);
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return found[0];
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
