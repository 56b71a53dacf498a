package app.laurel.publication.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Makes a column page reached through a clean address ({@link ColumnUrlFilter}) post its forms back to that
 * address rather than to {@code /column/index.xhtml}, which lacks the contest: the language switch in the
 * header then reloads the same list or story. Other pages, and links to other pages, are left alone.
 */
public class CleanUrlViewHandler extends ViewHandlerWrapper {

    public CleanUrlViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        if (viewId.startsWith("/column/") && context.getViewRoot() != null && viewId.equals(context.getViewRoot().getViewId())
                && context.getExternalContext().getRequest() instanceof HttpServletRequest request
                && request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) instanceof String uri
                && uri.startsWith(request.getContextPath() + "/column/")) {
            Object query = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
            return uri + (query == null ? "" : "?" + query);
        }
        return super.getActionURL(context, viewId);
    }
}
