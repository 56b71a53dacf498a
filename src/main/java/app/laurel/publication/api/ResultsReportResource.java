package app.laurel.publication.api;

import app.laurel.platform.i18n.Messages;
import app.laurel.publication.ResultsReport;
import app.laurel.publication.ResultsReportPdf;
import app.laurel.publication.ResultsReportService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The results report (评审结果报告) of a closed round as PDF, for the file: organisers and administrators only. Under
 * the round's address, because a round is what is reported on; the notice drafted from it is part of the report.
 * Publication, not judging, owns it, since judging does not know notices.
 */
@Path("rounds/{id}/report.pdf")
@RequestScoped
@Tag(name = "rounds")
@SecurityRequirement(name = "bearer")
public class ResultsReportResource {

    @Inject
    private ResultsReportService reports;

    @GET
    @Produces("application/pdf")
    @Operation(summary = "The results report of a closed round as PDF (A4): method, judges by name, ranking, shared ranks and"
            + " how they were settled, Kendall's W, stability and leniency, the notice with its objections and their outcome,"
            + " and a block for signatures; in English when the organiser's language (laurel_lang cookie, else"
            + " Accept-Language) is English. 409 while the round is open")
    public Response pdf(@PathParam("id") long id, @CookieParam("laurel_lang") String chosen,
                        @HeaderParam("Accept-Language") String language) {
        ResultsReport report = reports.report(id);
        Locale locale = Messages.fromCookieOrHeader(chosen, language);
        StreamingOutput body = out -> ResultsReportPdf.write(report, locale, out);
        String name = report.contestTitle() + "-" + report.round().name() + "-" + Messages.text(locale, "report.pdf.title") + ".pdf";
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"report.pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Cache-Control", "no-store").build();
    }
}
