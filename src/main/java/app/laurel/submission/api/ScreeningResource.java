package app.laurel.submission.api;

import app.laurel.contest.ContestAdminService;
import app.laurel.platform.api.Params;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.submission.BulkDecision;
import app.laurel.submission.EntryStatus;
import app.laurel.submission.QuotaLine;
import app.laurel.submission.ScreeningDecision;
import app.laurel.submission.ScreeningFilter;
import app.laurel.submission.ScreeningService;
import app.laurel.submission.SimilarityComparison;
import app.laurel.submission.SimilarityFlag;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import app.laurel.platform.persistence.Paging;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The organiser's screening: the list with filters, decisions, the quota board, duplicate flags, extensions. */
@Path("screening/{contest}")
@RequestScoped
@Tag(name = "screening")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ScreeningResource {

    public record ScreeningDecisionJson(String decision, String reason) {
    }

    public record DeadlineExtensionJson(Long unitId, String until, String reason) {
    }

    /** A flagged pair; {@code score} is the containment (0–1): the share of the shorter text found in the other. */
    public record FlagJson(long id, long entryA, String receiptA, String titleA, long entryB, String receiptB,
                           String titleB, BigDecimal score) {
        static FlagJson of(SimilarityFlag f) {
            return new FlagJson(f.getId(), f.getEntryA().getId(), f.getEntryA().getReceiptNo(), f.getEntryA().getTitle(),
                    f.getEntryB().getId(), f.getEntryB().getReceiptNo(), f.getEntryB().getTitle(), f.getScore());
        }
    }

    /** One passage both entries contain, as written in this entry ({@code here}) and in the other ({@code there}). */
    public record SharedPassageJson(String here, String there) {
    }

    /** A flagged pair seen from one entry: the entry, the similar one, the containment and the shared passages. */
    public record DuplicateComparisonJson(long flagId, BigDecimal score, long entryId, String receiptNo, String title,
                                          long otherEntryId, String otherReceiptNo, String otherTitle,
                                          List<SharedPassageJson> passages) {
        static DuplicateComparisonJson of(SimilarityComparison c) {
            return new DuplicateComparisonJson(c.flag().getId(), c.flag().getScore(), c.here().getId(), c.here().getReceiptNo(),
                    c.here().getTitle(), c.there().getId(), c.there().getReceiptNo(), c.there().getTitle(),
                    c.passages().stream().map(p -> new SharedPassageJson(p.here(), p.there())).toList());
        }
    }

    /** A quota line as JSON, with its two judgements spelled out. */
    public record QuotaLineJson(long unitId, String unitName, String unitType, int counted, int min, int max,
                                boolean belowMinimum, boolean full) {
        public static QuotaLineJson of(QuotaLine l) {
            return new QuotaLineJson(l.unitId(), l.unitName(), l.unitType().name(), l.counted(), l.min(), l.max(),
                    l.isBelowMinimum(), l.isFull());
        }
    }

    @Inject
    private ScreeningService screening;

    @Inject
    private ContestAdminService contests;

    @jakarta.ws.rs.core.Context
    private jakarta.servlet.http.HttpServletResponse response;

    @GET
    @Path("entries")
    @Operation(summary = "One page of the submitted entries, newest first, filtered by unit, category, status and text;"
            + " ?page=1&size=50 (at most 200). Headers: X-Total-Count (entries the filter leaves, all pages), X-Page-Count")
    public List<EntryJson> list(@PathParam("contest") String contest, @QueryParam("unit") Long unitId,
                                @QueryParam("category") Long categoryId, @QueryParam("status") String status,
                                @QueryParam("q") String text,
                                @Parameter(description = "Page number from 1 (out of range: brought into range)")
                                @QueryParam("page") Integer page,
                                @Parameter(description = "Entries per page, 1–200, default 50")
                                @QueryParam("size") Integer size) {
        ScreeningFilter filter = new ScreeningFilter(unitId, categoryId, Params.choice(EntryStatus.class, status, "status", false), text);
        Paging paging = Paging.of(page, size);
        long total = screening.count(contest, filter);
        response.setHeader("X-Total-Count", Long.toString(total));
        response.setHeader("X-Page-Count", Integer.toString(paging.pages(total)));
        return screening.screeningList(contest, filter, paging).stream().map(EntryJson::of).toList();
    }

    @POST
    @Path("entries/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "ACCEPT, RETURN (with reason) or REJECT (with reason) a submitted entry")
    public EntryJson decide(@PathParam("contest") String contest, @PathParam("id") long id, ScreeningDecisionJson body) {
        if (body == null || body.decision() == null) {
            throw InvalidInputException.of("decision", "validation.required");
        }
        return EntryJson.of(screening.decide(id, Params.choice(ScreeningDecision.class, body.decision(), "decision", true), body.reason()));
    }

    /** Several entries of the contest and one decision for all of them; RETURN and REJECT need the reason. */
    public record BulkDecisionRequestJson(List<Long> entries, String decision, String reason) {
    }

    /** The entries decided, and the receipt numbers of those left alone because they no longer waited. */
    public record BulkDecisionJson(List<Long> decided, List<String> skipped) {
    }

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "One decision (ACCEPT, RETURN or REJECT, the last two with a reason) on several submitted entries")
    public BulkDecisionJson decideAll(@PathParam("contest") String contest, BulkDecisionRequestJson body) {
        if (body == null) {
            throw InvalidInputException.of("decision", "validation.required");
        }
        BulkDecision done = screening.decideAll(contest, body.entries(),
                Params.choice(ScreeningDecision.class, body.decision(), "decision", true), body.reason());
        return new BulkDecisionJson(done.decided(), done.skipped());
    }

    public record RedactionsJson(List<String> terms) {
    }

    @PUT
    @Path("entries/{id}/redactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Terms (names, places) hidden from judges in the entry's title and text")
    public RedactionsJson redact(@PathParam("contest") String contest, @PathParam("id") long id, RedactionsJson body) {
        return new RedactionsJson(screening.redact(id, body == null ? null : body.terms()).getRedactions());
    }

    @GET
    @Path("quota")
    @Operation(summary = "The quota board: each unit's count against its minimum and maximum")
    public List<QuotaLineJson> quota(@PathParam("contest") String contest) {
        return screening.quotaBoard(contest).stream().map(QuotaLineJson::of).toList();
    }

    @GET
    @Path("duplicates")
    @Operation(summary = "Pairs of entries where ≥ 60 % of the shorter text appears in the other (containment), highest first")
    public List<FlagJson> duplicates(@PathParam("contest") String contest) {
        return screening.similarityFlags(contest).stream().map(FlagJson::of).toList();
    }

    @GET
    @Path("duplicates/{flag}")
    @Operation(summary = "One flagged pair with the passages both contain, side by side (here = the later entry)")
    public DuplicateComparisonJson duplicate(@PathParam("contest") String contest, @PathParam("flag") long flag) {
        return DuplicateComparisonJson.of(screening.comparison(contest, flag));
    }

    @GET
    @Path("entries/{id}/duplicates")
    @Operation(summary = "The flags one entry is part of, each with the passages it shares with the other entry")
    public List<DuplicateComparisonJson> duplicatesOf(@PathParam("contest") String contest, @PathParam("id") long id) {
        return screening.comparisons(contest, id).stream().map(DuplicateComparisonJson::of).toList();
    }

    @POST
    @Path("extensions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend one unit's deadline (ISO-8601 instant), with a reason for the audit trail")
    public Response extend(@PathParam("contest") String contest, DeadlineExtensionJson body) {
        if (body == null || body.unitId() == null) {
            throw InvalidInputException.of("unitId", "validation.required");
        }
        Instant until;
        try {
            until = body.until() == null ? null : Instant.parse(body.until());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("until", "validation.choice");
        }
        contests.extendDeadline(contest, body.unitId(), until, body.reason());
        return Response.noContent().build();
    }
}
