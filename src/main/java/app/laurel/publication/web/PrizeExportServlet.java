package app.laurel.publication.web;

import app.laurel.platform.error.LaurelException;
import app.laurel.platform.i18n.Messages;
import app.laurel.publication.PrizeExport;
import app.laurel.publication.PrizeService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /organiser/prize-export/{contest}.xlsx}: the prize list for finance, from {@link PrizeService#prizes}. */
@WebServlet(urlPatterns = "/organiser/prize-export/*")
public class PrizeExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9_-]{2,32})\\.xlsx");

    @EJB
    private PrizeService prizes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            var list = prizes.prizes(path.group(1));
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename=\"prizes-" + path.group(1) + ".xlsx\"");
            response.setHeader("Cache-Control", "no-store");
            PrizeExport.write(list, Messages.CHINESE, response.getOutputStream());
        } catch (LaurelException | EJBException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
