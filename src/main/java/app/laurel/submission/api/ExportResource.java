package app.laurel.submission.api;

import app.laurel.platform.api.Downloads;
import app.laurel.platform.api.Params;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.i18n.Messages;
import app.laurel.submission.ExportService;
import app.laurel.submission.FileSelection;
import app.laurel.submission.ZipProgress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

/**
 * A contest's exports (organisers and administrators): every entry with its author's phone as Excel, the units' quota
 * status as Excel, and the entries' files as one ZIP, each streamed as it is written. The organiser's page
 * {@code /organiser/exports.xhtml} links here.
 */
@Path("contests/{code}/exports")
@RequestScoped
@Tag(name = "exports")
@SecurityRequirement(name = "bearer")
public class ExportResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * A ZIP download's progress: {@code stage} WAITING (not started, or not the caller's), RUNNING, DONE or FAILED;
     * files and bytes written of the totals, and the whole percent of the bytes.
     */
    public record ZipProgressJson(String stage, int filesDone, int filesTotal, long bytesDone, long bytesTotal, int percent) {
        static ZipProgressJson of(ZipProgress.State s) {
            return new ZipProgressJson(s.stage().name(), s.filesDone(), s.filesTotal(), s.bytesDone(), s.bytesTotal(), s.percent());
        }
    }

    @Inject
    private ExportService exports;

    @GET
    @Path("entries.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Every entry except drafts: receipt number, title, category, type, status and reason, unit and township,"
            + " author with phone and organisation, dates (Beijing time); a header row alone when there is none")
    public Response entries(@PathParam("code") String code, @CookieParam("laurel_lang") String chosen,
                            @HeaderParam("Accept-Language") String language) {
        Locale locale = Messages.fromCookieOrHeader(chosen, language);
        exports.start(code, "entries.xlsx");
        return Downloads.attachment(out -> exports.writeEntries(code, locale, out), "entries-" + ascii(code) + ".xlsx",
                Messages.text(locale, "export.entries.file", code) + ".xlsx");
    }

    @GET
    @Path("quotas.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Each enrolled unit: type, quota (max and min), submitted (as counted against the quota), accepted,"
            + " recommended citizens' entries, and whether it is below its minimum")
    public Response quota(@PathParam("code") String code, @CookieParam("laurel_lang") String chosen,
                          @HeaderParam("Accept-Language") String language) {
        Locale locale = Messages.fromCookieOrHeader(chosen, language);
        exports.start(code, "quotas.xlsx");
        return Downloads.attachment(out -> exports.writeQuota(code, locale, out), "quotas-" + ascii(code) + ".xlsx",
                Messages.text(locale, "export.quota.file", code) + ".xlsx");
    }

    @GET
    @Path("files.zip")
    @Produces("application/zip")
    @Operation(summary = "The entries' files as one ZIP, foldered unit/receipt number/file name, streamed as written;"
            + " only=ALL (default: every entry submitted and not withdrawn), ACCEPTED or WINNERS; token (16-64 hex"
            + " characters, chosen by the caller) lets GET progress/{token} follow the download")
    public Response files(@PathParam("code") String code, @QueryParam("only") String only, @QueryParam("token") String token,
                          @CookieParam("laurel_lang") String chosen, @HeaderParam("Accept-Language") String language) {
        FileSelection selection = selection(only);
        if (token != null && !ZipProgress.isToken(token)) {
            throw InvalidInputException.of("token", "export.zip.token");
        }
        Locale locale = Messages.fromCookieOrHeader(chosen, language);
        exports.start(code, "files.zip " + selection.name());
        return Downloads.attachment(out -> exports.writeZip(code, selection, locale, token, out),
                "files-" + ascii(code) + ".zip", Messages.text(locale, "export.zip.file." + selection.name(), code) + ".zip");
    }

    @GET
    @Path("progress/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How far the caller's ZIP download with this token has got")
    public ZipProgressJson progress(@PathParam("code") String code, @PathParam("token") String token) {
        return ZipProgressJson.of(exports.progress(code, token));
    }

    private static FileSelection selection(String only) {
        FileSelection selection = Params.choice(FileSelection.class, only, "only", false);
        return selection == null ? FileSelection.ALL : selection;
    }

    /** Contest codes are letters and digits already; anything else would not belong in the plain file name. */
    private static String ascii(String code) {
        return code.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
