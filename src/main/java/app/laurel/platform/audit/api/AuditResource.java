package app.laurel.platform.audit.api;

import app.laurel.platform.audit.AuditEvent;
import app.laurel.platform.audit.AuditExport;
import app.laurel.platform.audit.AuditFilter;
import app.laurel.platform.audit.AuditLog;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.i18n.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The audit log (操作日志) for organisers and administrators: the same filters, order and lines as the page. */
@Path("audit")
@RequestScoped
@Tag(name = "audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final String FILTERS = " Filters: contest (a contest's or campaign's code), account (username), action "
            + "(code such as SCORE_CHANGED), from and to (YYYY-MM-DD, Beijing days, both included).";

    public record AuditLineJson(long id, Instant occurredAt, String actor, String action, String actionText, String contest,
                                String subject, String detail, String before, String after) {
    }

    /** {@code total} stops at 10,001 for a log too long to count ({@code more} is then true): narrow the filters. */
    public record AuditPageJson(int page, int size, int total, boolean more, List<AuditLineJson> lines) {
    }

    @Inject
    private AuditLog log;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Audit lines, newest first unless sort (occurredAt, actor, action, contestCode) and order (asc, desc) "
            + "say otherwise; ?page=1&size=50 (at most 200). Administrators see every line, organisers those of contests and "
            + "campaigns and their own." + FILTERS)
    public AuditPageJson search(@QueryParam("contest") String contest, @QueryParam("account") String account,
                                @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("sort") String sort, @QueryParam("order") String order,
                                @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                @HeaderParam("Accept-Language") String language) {
        AuditFilter filter = filter(contest, account, action, from, to);
        int s = size == null ? 50 : Math.max(1, Math.min(200, size));
        int p = page == null ? 1 : Math.max(1, page);
        Locale locale = Messages.fromAcceptLanguage(language);
        int total = log.count(filter);
        List<AuditLineJson> lines = log.lines(filter, (p - 1) * s, s, sort, "asc".equalsIgnoreCase(order)).stream()
                .map(e -> json(e, locale)).toList();
        return new AuditPageJson(p, s, total, total > AuditLog.COUNT_LIMIT, lines);
    }

    @GET
    @Path("lines.xlsx")
    @SecurityRequirement(name = "bearer")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Every audit line the filters leave, newest first, as an Excel workbook (streamed)." + FILTERS)
    public Response export(@QueryParam("contest") String contest, @QueryParam("account") String account,
                           @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
                           @CookieParam("laurel_lang") String chosen, @HeaderParam("Accept-Language") String language) {
        AuditFilter filter = filter(contest, account, action, from, to);
        log.mayRead(); // refused here (403) rather than inside the stream, where the answer has begun
        Locale locale = Messages.fromCookieOrHeader(chosen, language);
        StreamingOutput body = out -> AuditExport.write(log, filter, locale, out);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"audit.xlsx\"")
                .header("Cache-Control", "no-store").build();
    }

    private static AuditFilter filter(String contest, String account, String action, String from, String to) {
        return AuditFilter.of(contest, account, action, date(from, "from"), date(to, "to"));
    }

    private static LocalDate date(String text, String field) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "audit.filter.date");
        }
    }

    private static AuditLineJson json(AuditEvent e, Locale locale) {
        return new AuditLineJson(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), AuditTrail.label(locale, e.getAction()),
                e.getContestCode(), e.getSubject(), e.getDetail(), e.getBeforeValue(), e.getAfterValue());
    }
}
