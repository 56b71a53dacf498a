package app.laurel.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Keeps PrimeFaces' CSP mode from giving every anonymous reader an HTTP session. Before a page is rendered,
 * PrimeFaces stores its script nonce in the view map of any view not marked transient, and a view map lives in
 * the session; but a new view learns whether it is transient only when it is built, during rendering, from the
 * layout's {@code <f:view transient="…">}. So every view starts out transient here, when it is created — for a
 * GET, and also for a page shown in place of another (the 404 page for an unknown notice) — and is set to what
 * the page says when built: stateless pages stay without a session, the others keep state as before. (On their
 * postbacks PrimeFaces then checks the nonce the form sends, rather than comparing it with a stored one.)
 */
public class StatelessUntilBuilt extends ViewHandlerWrapper {

    public StatelessUntilBuilt(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot view = super.createView(context, viewId);
        if (view != null) {
            view.setTransient(true);
        }
        return view;
    }
}
