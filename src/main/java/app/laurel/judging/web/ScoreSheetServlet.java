package app.laurel.judging.web;

import app.laurel.judging.RoundService;
import app.laurel.judging.ScoreSheet;
import app.laurel.judging.ScoreSheetDownload;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /organiser/rounds/3/scores.xlsx} and {@code .csv}: the round's score sheet downloaded from the
 * organiser's page (the API has the same under {@code /api/v1/rounds/3/scores.xlsx}); both call
 * {@link RoundService#scoreSheet}, which checks the caller is an organiser.
 */
@WebServlet(urlPatterns = "/organiser/rounds/*")
public class ScoreSheetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/scores\\.(xlsx|csv)");

    @EJB
    private RoundService rounds;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ScoreSheet sheet;
        try {
            sheet = rounds.scoreSheet(Long.parseLong(path.group(1)));
        } catch (LaurelException | EJBException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ScoreSheetDownload.send(sheet, path.group(2), locale(request), response);
    }

    /** The page language the visitor chose (the same cookie the pages use), Chinese by default. */
    private static Locale locale(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if ("laurel_lang".equals(cookie.getName())) {
                    return Messages.supported(Locale.forLanguageTag(cookie.getValue()));
                }
            }
        }
        return Messages.CHINESE;
    }
}
