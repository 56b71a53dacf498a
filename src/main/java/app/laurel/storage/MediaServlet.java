package app.laurel.storage;

import app.laurel.platform.error.LaurelException;
import app.laurel.platform.web.ServletAnswers;
import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a stored file to a logged-in page visitor, {@code /media/{id}}, with HTTP Range support so that the
 * browser's video player can seek without downloading the whole file. Never holds the file in memory.
 * <p>
 * The same file through the API is {@code /api/v1/files/{id}/content} ({@link app.laurel.storage.api.FileResource}):
 * both ask {@link MediaService#open} and send with {@link MediaResponses}. This address stays for the pages, which
 * log in with a session rather than a token and show a page, not JSON, when a file cannot be read.
 */
@WebServlet(urlPatterns = "/media/*")
public class MediaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern ID = Pattern.compile("/(\\d{1,18})");

    @EJB
    private MediaService media;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!ServletAnswers.loggedIn(request, response)) {
            return;
        }
        Matcher id = ServletAnswers.path(request, ID);
        if (!id.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ServletAnswers.answer(request, response, () -> {
            MediaService.Media found;
            try {
                found = media.open(Long.parseLong(id.group(1)));
            } catch (LaurelException refusal) {
                if (refusal.kind() != LaurelException.Kind.CONFLICT) {
                    throw refusal;
                }
                // A judge opening a damaged file reads why, not the server's bare error page.
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                request.getRequestDispatcher("/errors/damaged.xhtml").forward(request, response);
                return;
            }
            MediaResponses.send(found, request.getHeader("Range"), response);
        });
    }
}
