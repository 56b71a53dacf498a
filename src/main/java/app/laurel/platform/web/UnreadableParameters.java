package app.laurel.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * A page opened with a parameter that cannot be read ({@code ?id=abc} where a number is meant) names nothing: it
 * answers 404 like an unknown one. Without this, Faces skips the page's view action and renders it half-empty,
 * or fails on the missing value. Only on the first request of a view: a postback's failures are form errors.
 */
public class UnreadableParameters implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (faces.isPostback() || !faces.isValidationFailed() || faces.getResponseComplete()) {
            return;
        }
        NotFound.answer();
    }

    @Override
    public void beforePhase(PhaseEvent event) {
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.PROCESS_VALIDATIONS;
    }
}
