package app.laurel.publication.api;

import app.laurel.platform.api.Params;
import app.laurel.platform.api.VersionTags;
import app.laurel.platform.api.Versioned;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.publication.AwardLevel;
import app.laurel.publication.Prize;
import app.laurel.publication.PrizeExport;
import app.laurel.publication.PrizeService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Prizes (organisers): award levels, a prize for every winner, payees, payments. Account numbers come masked. */
@Path("prizes")
@RequestScoped
@Tag(name = "prizes")
@Produces(MediaType.APPLICATION_JSON)
public class PrizeResource {

    public record LevelJson(Long id, String name, BigDecimal amount) {
    }

    public record PrizeJson(long id, String entry, String level, BigDecimal amount, String payeeType, String payeeName,
                            String bank, String account, String status, LocalDate paidOn, String reference, long version)
            implements Versioned {
    }

    public record PayeeJson(String payeeType, String payeeName, String bank, String account, Long version) {
    }

    public record PaidJson(String paidOn, String reference) {
    }

    @Inject
    private PrizeService prizes;

    @GET
    @Path("levels")
    public List<LevelJson> levels(@QueryParam("contest") String contest) {
        return prizes.levels(contest).stream().map(PrizeResource::json).toList();
    }

    @POST
    @Path("levels")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an award level with its amount in yuan")
    public LevelJson addLevel(@QueryParam("contest") String contest, LevelJson body) {
        return json(prizes.addLevel(contest, Params.body(body).name(), body.amount()));
    }

    @POST
    @Path("levels/{level}/award")
    @Operation(summary = "A prize at this level for every winner without one")
    public List<PrizeJson> award(@QueryParam("contest") String contest, @PathParam("level") long level) {
        return prizes.award(contest, level).stream().map(PrizeResource::json).toList();
    }

    @GET
    @Operation(summary = "The contest's prizes; bank account numbers masked")
    public List<PrizeJson> list(@QueryParam("contest") String contest) {
        return prizes.prizes(contest).stream().map(PrizeResource::json).toList();
    }

    @GET
    @Path("finance.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The prize list for finance as Excel, bank details in full (organisers)")
    public jakarta.ws.rs.core.Response export(@QueryParam("contest") String contest, @jakarta.ws.rs.CookieParam("laurel_lang") String chosen,
                                              @jakarta.ws.rs.HeaderParam("Accept-Language") String language) {
        List<Prize> list = prizes.prizes(contest);
        java.util.Locale locale = app.laurel.platform.i18n.Messages.fromCookieOrHeader(chosen, language);
        jakarta.ws.rs.core.StreamingOutput body = out -> PrizeExport.write(list, locale, out);
        return jakarta.ws.rs.core.Response.ok(body).header("Content-Disposition", "attachment; filename=\"prizes-" + contest + ".xlsx\"")
                .header("Cache-Control", "no-store").build();
    }

    @PUT
    @Path("{id}/payee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set who is paid (person or unit) and their bank details", description = VersionTags.WRITE)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public PrizeJson payee(@PathParam("id") long id, @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, PayeeJson body) {
        Params.body(body);
        return json(prizes.payee(id, body.payeeType(), body.payeeName(), body.bank(), body.account(),
                VersionTags.expected(ifMatch, body.version())));
    }

    @POST
    @Path("{id}/paid")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the payment: date (YYYY-MM-DD) and finance's reference")
    public PrizeJson paid(@PathParam("id") long id, PaidJson body) {
        Params.body(body);
        LocalDate on;
        try {
            on = body.paidOn() == null ? null : LocalDate.parse(body.paidOn().strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("paidOn", "validation.dateTime");
        }
        return json(prizes.markPaid(id, on, body.reference()));
    }

    private static LevelJson json(AwardLevel l) {
        return new LevelJson(l.getId(), l.getName(), l.getAmount());
    }

    private static PrizeJson json(Prize p) {
        return new PrizeJson(p.getId(), p.getEntry().getTitle(), p.getLevel().getName(), p.getLevel().getAmount(), p.getPayeeType(),
                p.getPayeeName(), p.getBankName(), p.getMaskedAccount(), p.getStatus(), p.getPaidOn(), p.getReference(),
                p.getVersion());
    }
}
