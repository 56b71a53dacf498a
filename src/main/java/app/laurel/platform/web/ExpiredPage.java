package app.laurel.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /errors/expired.xhtml} opened by itself (where {@link ExpiredViews} sends AJAX posts) answers 400 too. */
@Named("expiredPage")
@RequestScoped
public class ExpiredPage {

    public void answer() {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
}
