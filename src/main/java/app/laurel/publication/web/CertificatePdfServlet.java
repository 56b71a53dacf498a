package app.laurel.publication.web;

import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.web.PublicUrl;
import app.laurel.platform.web.ServletAnswers;
import app.laurel.publication.BatchProgress;
import app.laurel.publication.CertificateService;
import app.laurel.storage.FileStore;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificate downloads for logged-in visitors: {@code /certificates/{serial}.pdf} (the holder, their unit or an
 * organiser; {@link CertificateService#pdf} decides), {@code /certificates/preview/{contest}.pdf} (organisers; {@code .png}
 * the same drawn as a picture for the template page)
 * and {@code /certificates/batch/{job}.zip}, a finished batch.
 */
@WebServlet(urlPatterns = "/certificates/*")
public class CertificatePdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern ONE = Pattern.compile("/([0-9A-Za-z-]{4,32})\\.pdf");
    private static final Pattern PREVIEW = Pattern.compile("/preview/([A-Za-z0-9_-]{2,32})\\.pdf");
    private static final Pattern PICTURE = Pattern.compile("/preview/([A-Za-z0-9_-]{2,32})\\.png");
    private static final Pattern BATCH = Pattern.compile("/batch/([0-9a-f]{32})\\.zip");

    @EJB
    private CertificateService certificates;

    @Inject
    private BatchProgress progress;

    @Inject
    private FileStore store;

    @Inject
    private LaurelConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!ServletAnswers.loggedIn(request, response)) {
            return;
        }
        Matcher one = ServletAnswers.path(request, ONE);
        Matcher preview = ServletAnswers.path(request, PREVIEW);
        Matcher picture = ServletAnswers.path(request, PICTURE);
        Matcher batch = ServletAnswers.path(request, BATCH);
        ServletAnswers.answer(request, response, () -> {
            if (preview.matches()) {
                pdf(response, certificates.preview(preview.group(1), PublicUrl.of(request, config)), "preview.pdf");
            } else if (picture.matches()) {
                byte[] png = certificates.previewPicture(picture.group(1), PublicUrl.of(request, config));
                response.setContentType("image/png");
                response.setHeader("Cache-Control", "private, no-store");
                response.setContentLength(png.length);
                response.getOutputStream().write(png);
            } else if (batch.matches() && (request.isUserInRole("ORGANISER") || request.isUserInRole("ADMIN"))) {
                BatchProgress.State state = progress.state(batch.group(1));
                Path zip = store.batch(batch.group(1));
                if (state == null || !state.ready() || !Files.isRegularFile(zip)) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                response.setContentType("application/zip");
                response.setHeader("Content-Disposition", "attachment; filename=\"certificates.zip\"");
                response.setContentLengthLong(Files.size(zip));
                Files.copy(zip, response.getOutputStream());
            } else if (one.matches()) {
                pdf(response, certificates.pdf(one.group(1), PublicUrl.of(request, config)), one.group(1) + ".pdf");
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        });
    }

    private static void pdf(HttpServletResponse response, byte[] pdf, String name) throws IOException {
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
