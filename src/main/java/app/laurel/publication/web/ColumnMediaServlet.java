package app.laurel.publication.web;

import app.laurel.platform.web.ServletAnswers;
import app.laurel.publication.ColumnService;
import app.laurel.storage.MediaResponses;
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
 * The pictures and videos of the public column, {@code /column-media/{itemId}/{fileId}}, for anyone (no login),
 * with HTTP Range so that a phone's video player can seek. Only a file the published story shows is served;
 * everything else, attachments included, is 404. Shared caches may keep these for an hour: they are public.
 */
@WebServlet(urlPatterns = "/column-media/*")
public class ColumnMediaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/(\\d{1,18})");

    @EJB
    private ColumnService column;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Matcher path = ServletAnswers.path(request, PATH);
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ServletAnswers.answer(request, response, () -> MediaResponses.send(
                column.publicFile(Long.parseLong(path.group(1)), Long.parseLong(path.group(2))),
                request.getHeader("Range"), response, "public, max-age=3600"));
    }
}
