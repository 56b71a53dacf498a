package app.laurel.submission.api;

import app.laurel.platform.api.Params;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.submission.EntryStatus;
import app.laurel.submission.QuotaLine;
import app.laurel.submission.ScreeningFilter;
import app.laurel.submission.ScreeningService;
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

    public record FlagJson(long entryA, String receiptA, long entryB, String receiptB, BigDecimal score) {
        static FlagJson of(SimilarityFlag f) {
            return new FlagJson(f.getEntryA().getId(), f.getEntryA().getReceiptNo(), f.getEntryB().getId(),
                    f.getEntryB().getReceiptNo(), f.getScore());
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

    @GET
    @Path("entries")
    @Operation(summary = "Submitted entries, filtered by unit, category, status and text")
    public List<EntryJson> list(@PathParam("contest") String contest, @QueryParam("unit") Long unitId,
                                @QueryParam("category") Long categoryId, @QueryParam("status") String status,
                                @QueryParam("q") String text) {
        ScreeningFilter filter = new ScreeningFilter(unitId, categoryId, Params.choice(EntryStatus.class, status, "status", false), text);
        return screening.screeningList(contest, filter).stream().map(EntryJson::of).toList();
    }

    @POST
    @Path("entries/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "ACCEPT, RETURN (with reason) or REJECT (with reason) a submitted entry")
    public EntryJson decide(@PathParam("contest") String contest, @PathParam("id") long id, ScreeningDecisionJson body) {
        if (body == null || body.decision() == null) {
            throw InvalidInputException.of("decision", "validation.required");
        }
        return EntryJson.of(switch (body.decision().strip().toUpperCase(java.util.Locale.ROOT)) {
            case "ACCEPT" -> screening.accept(id);
            case "RETURN" -> screening.returnForCorrection(id, body.reason());
            case "REJECT" -> screening.reject(id, body.reason());
            default -> throw InvalidInputException.of("decision", "validation.choice");
        });
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
    @Operation(summary = "Pairs of entries whose texts are near-duplicates (Jaccard ≥ 0.8)")
    public List<FlagJson> duplicates(@PathParam("contest") String contest) {
        return screening.similarityFlags(contest).stream().map(FlagJson::of).toList();
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
        screening.extendDeadline(contest, body.unitId(), until, body.reason());
        return Response.noContent().build();
    }
}
