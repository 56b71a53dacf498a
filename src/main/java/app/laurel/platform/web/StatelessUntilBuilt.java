package app.laurel.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Keeps PrimeFaces' CSP mode from giving every anonymous reader an HTTP session. Before a page is rendered,
 * PrimeFaces stores its script nonce in the view map of any view not marked transient, and a view map lives in
 * the session; but a fresh view learns whether it is transient only when it is built, during rendering, from
 * the layout's {@code <f:view transient="…">}. So a fresh (non-postback) view starts out transient here and is
 * set to what the page says when built: stateless pages stay without a session, the others keep state as before.
 * (On their postbacks PrimeFaces then checks the nonce the form sends, rather than comparing it with a stored one.)
 */
public class StatelessUntilBuilt implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (!faces.isPostback() && faces.getViewRoot() != null) {
            faces.getViewRoot().setTransient(true);
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before the view exists
    }
}
