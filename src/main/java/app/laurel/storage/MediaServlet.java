package app.laurel.storage;

import app.laurel.platform.error.LaurelException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;


import java.io.IOException;

/**
 * Streams a stored file to a logged-in page visitor, {@code /media/{id}}, with HTTP Range support so that the
 * browser's video player can seek without downloading the whole file. Never holds the file in memory.
 */
@WebServlet(urlPatterns = "/media/*")
public class MediaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private MediaService media;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (request.getUserPrincipal() == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        long id;
        try {
            id = Long.parseLong(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MediaService.Media found;
        try {
            found = media.open(id);
        } catch (LaurelException e) {
            if (e.kind() == LaurelException.Kind.CONFLICT) {
                // A judge opening a damaged file reads why, not the server's bare error page.
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                request.getRequestDispatcher("/errors/damaged.xhtml").forward(request, response);
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MediaResponses.send(found, request.getHeader("Range"), response);
    }
}
