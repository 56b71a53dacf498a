package app.laurel.publication.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.html.HtmlForm;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Makes a page reached through a clean address (the column's, {@link ColumnUrlFilter}; a notice's {@code /n/…} or a
 * verification's {@code /verify/…}, {@link PublicLinkFilter}) post its forms back to that address rather than to
 * {@code /column/index.xhtml} or {@code /notice.xhtml}, which lack the contest or code: these views are stateless,
 * so the address is what tells a post which list, story or notice it belongs to, and the language switch in the
 * header then reloads the same page. Other pages, and links to other pages, are left alone, and so are multipart
 * forms (the objection with its evidence): the container parses a multipart body only for the servlet that declares
 * it, and a post forwarded by a filter is parsed before it gets there; those forms carry their code in a hidden field.
 */
public class CleanUrlViewHandler extends ViewHandlerWrapper {

    public CleanUrlViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        if (context.getViewRoot() != null && viewId.equals(context.getViewRoot().getViewId()) && !isMultipartForm(context)
                && context.getExternalContext().getRequest() instanceof HttpServletRequest request
                && request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) instanceof String uri
                && isCleanAddress(uri.substring(request.getContextPath().length()))) {
            Object query = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
            return uri + (query == null ? "" : "?" + query);
        }
        return super.getActionURL(context, viewId);
    }

    private static boolean isMultipartForm(FacesContext context) {
        return UIComponent.getCurrentComponent(context) instanceof HtmlForm form
                && form.getEnctype() != null && form.getEnctype().startsWith("multipart/");
    }

    private static boolean isCleanAddress(String path) {
        return path.startsWith("/column/") || path.startsWith("/n/") || path.startsWith("/verify/");
    }
}
