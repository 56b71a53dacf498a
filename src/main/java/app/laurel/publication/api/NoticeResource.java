package app.laurel.publication.api;

import app.laurel.platform.api.Params;
import app.laurel.platform.api.VersionTags;
import app.laurel.platform.api.Versioned;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.web.ClientAddress;
import app.laurel.platform.web.PublicResponseFilter;
import app.laurel.publication.CorrectionForm;
import app.laurel.publication.ListOrder;
import app.laurel.publication.Notice;
import app.laurel.publication.NoticeEntry;
import app.laurel.publication.NoticeService;
import app.laurel.publication.NoticeText;
import app.laurel.publication.Objection;
import app.laurel.publication.ObjectionForm;
import app.laurel.publication.ObjectionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Public notices (公示) and their objections. Reading a published notice, filing an objection and looking up its
 * outcome are public; everything else is for organisers. The notice pages call the same services.
 */
@Path("notices")
@RequestScoped
@Tag(name = "notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    public record EntryLine(String code, int rank, String title, String author, String unit, boolean listed, Instant promotedAt) {
    }

    public record CorrectionJson(Instant at, String text) {
    }

    public record NoticeJson(long id, String contest, String shortCode, String title, String body, String order, Instant startsAt,
                             Instant endsAt, String contact, String status, List<EntryLine> entries,
                             List<CorrectionJson> corrections, String result, long version) implements Versioned {
    }

    public record NoticeTextJson(String title, String body, String order, String startsAt, String endsAt, String contact,
                                 Long version) {
    }

    public record CorrectionFormJson(String title, String body, String order, String endsAt, String contact, String reason,
                                     Long version) {
    }

    public record NewNoticeJson(Long roundId) {
    }

    public record ObjectionJson(String realName, String phone, String contact, String entry, String reasons) {
    }

    public record ObjectionView(long id, String receiptNo, String entry, String realName, String phone, String contact,
                                String reasons, Instant createdAt, String status, String investigation, String reply,
                                List<Long> evidenceFileIds) {
    }

    public record ReceiptJson(String receiptNo, String status, String reply) {
    }

    public record ObjectionDecisionJson(String decision, String investigation, String reply) {
    }

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    private NoticeService notices;

    @Inject
    private ObjectionService objections;

    @Context
    private HttpServletRequest request;

    @Inject
    private LaurelConfig config;

    @GET
    @Operation(summary = "The contest's notices, drafts included (organisers)")
    public List<NoticeJson> list(@QueryParam("contest") String contest) {
        return notices.notices(contest).stream().map(NoticeResource::json).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a notice of what a closed round selected, with the standard text (organisers)")
    public Response draft(NewNoticeJson body) {
        Notice notice = notices.draft(Params.body(body).roundId() == null ? -1 : body.roundId());
        return Response.created(URI.create("notices/" + notice.getId())).entity(json(notice)).build();
    }

    @GET
    @Path("{id: \\d+}")
    @Operation(summary = "One notice as organisers see it", description = VersionTags.READ)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public NoticeJson get(@PathParam("id") long id) {
        return json(notices.notice(id));
    }

    @PUT
    @Path("{id: \\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a draft: title, body, order (RANK, UNIT, TITLE), period (ISO instants) and contact",
            description = VersionTags.WRITE)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public NoticeJson edit(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, NoticeTextJson body) {
        return json(notices.edit(id, text(Params.body(body)), VersionTags.expected(ifMatch, body.version())));
    }

    private static NoticeText text(NoticeTextJson body) {
        return new NoticeText(body.title(), body.body(), Params.choice(ListOrder.class, body.order(), "order", true),
                instant(body.startsAt(), "startsAt"), instant(body.endsAt(), "endsAt"), body.contact());
    }

    @POST
    @Path("{id: \\d+}/publish")
    @Operation(summary = "Publish the notice: public from now, objections during its period. With a body (as for PUT), "
            + "that text is saved and published in one step; without one, the notice as last saved")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoticeTextJson.class)))
    @Extension(name = VersionTags.CHECKED, value = "true")
    public NoticeJson publish(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, String body) {
        // Read by hand because the body is optional: an empty one is what clients send to publish as last saved.
        NoticeTextJson given = null;
        if (body != null && !body.isBlank()) {
            try {
                given = JSON.fromJson(body, NoticeTextJson.class);
            } catch (JsonbException malformed) {
                throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
            }
        }
        return json(notices.publish(id, given == null ? null : text(given),
                VersionTags.expected(ifMatch, given == null ? null : given.version())));
    }

    @POST
    @Path("{id: \\d+}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct (更正) a published notice: title, body, order, endsAt (extend only) or contact, omitted "
            + "ones unchanged, with a reason; shown on the notice with its date and what changed")
    @Extension(name = VersionTags.CHECKED, value = "true")
    public Response correct(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, CorrectionFormJson body) {
        Params.body(body);
        Notice notice = notices.correct(id, new CorrectionForm(body.title(), body.body(),
                Params.choice(ListOrder.class, body.order(), "order", false), instant(body.endsAt(), "endsAt"), body.contact(),
                body.reason()), VersionTags.expected(ifMatch, body.version()));
        return Response.status(Response.Status.CREATED).entity(json(notice)).build();
    }

    @POST
    @Path("{id: \\d+}/finalise")
    @Operation(summary = "After the period (server clock): the listed entries win and the result is announced")
    public NoticeJson finalise(@PathParam("id") long id) {
        return json(notices.finalise(id));
    }

    @GET
    @Path("{id: \\d+}/objections")
    @Operation(summary = "The objections to a notice with objectors' details (organisers only)")
    public List<ObjectionView> objections(@PathParam("id") long id) {
        return objections.objections(id).stream().map(NoticeResource::view).toList();
    }

    @POST
    @Path("objections/{objection: \\d+}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "UPHOLD (the entry is disqualified, the next-ranked promoted, a correction shown) or DISMISS (with a reply)")
    public ObjectionView decide(@PathParam("objection") long objection, ObjectionDecisionJson body) {
        Params.body(body);
        String decision = body.decision() == null ? "" : body.decision().strip().toUpperCase(java.util.Locale.ROOT);
        return view(switch (decision) {
            case "UPHOLD" -> objections.uphold(objection, body.investigation());
            case "DISMISS" -> objections.dismiss(objection, body.investigation(), body.reply());
            default -> throw app.laurel.platform.error.InvalidInputException.of("decision", "validation.choice");
        });
    }

    @GET
    @Path("public/{code}")
    @Operation(summary = "A published notice, as anyone reads it", description = PublicResponseFilter.DESCRIBED)
    public NoticeJson published(@PathParam("code") String code) {
        return json(notices.published(code));
    }

    @POST
    @Path("public/{code}/objections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Object to a listed entry during the period, under a real name with a mobile number; returns the receipt")
    public Response object(@PathParam("code") String code, ObjectionJson body) {
        Params.body(body);
        return receipt(objections.file(code, new ObjectionForm(body.realName(), body.phone(), body.contact(), body.entry(),
                body.reasons()), List.of(), ClientAddress.of(request, config)));
    }

    @POST
    @Path("public/{code}/objections")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "The same as multipart/form-data: the fields as text parts, up to three evidence files "
            + "(images or PDF, 10 MB each) as parts named evidence; a refused objection keeps none of its files")
    // One operation per path and method in the document: this one describes both bodies the endpoint takes.
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectionJson.class)),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA)})
    public Response objectWithEvidence(@PathParam("code") String code, List<EntityPart> parts) {
        try (ObjectionParts sent = ObjectionParts.read(parts)) {
            return receipt(objections.file(code, sent.form(), sent.evidence(), ClientAddress.of(request, config)));
        }
    }

    @GET
    @Path("objections/receipt/{receipt}")
    @Operation(summary = "An objection's outcome, for its objector: receipt number and the phone number given")
    public ReceiptJson lookUp(@PathParam("receipt") String receipt, @QueryParam("phone") String phone) {
        Objection found = objections.lookUp(receipt, phone);
        return new ReceiptJson(found.getReceiptNo(), found.getStatus().name(), found.getReply());
    }

    private static Response receipt(Objection filed) {
        return Response.status(Response.Status.CREATED).entity(new ReceiptJson(filed.getReceiptNo(), filed.getStatus().name(), null)).build();
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw app.laurel.platform.error.InvalidInputException.of(field, "validation.dateTime");
        }
    }

    static NoticeJson json(Notice n) {
        List<EntryLine> entries = n.inListOrder().stream().map(NoticeResource::line).toList();
        return new NoticeJson(n.getId(), n.getContest().getCode(), n.getShortCode(), n.getTitle(), n.getBody(), n.getListOrder().name(),
                n.getStartsAt(), n.getEndsAt(), n.getContact(), n.getStatus().name(), entries,
                n.getCorrections().stream().map(c -> new CorrectionJson(c.getCreatedAt(), c.getText())).toList(), n.getResultText(),
                n.getVersion());
    }

    private static EntryLine line(NoticeEntry e) {
        return new EntryLine(e.getCode(), e.getRoundRank(), e.getEntry().getTitle(), e.getAuthorName(), e.getUnitName(), e.isListed(),
                e.getPromotedAt());
    }

    private static ObjectionView view(Objection o) {
        return new ObjectionView(o.getId(), o.getReceiptNo(), o.getEntry().getTitle(), o.getRealName(), o.getPhone(), o.getContact(),
                o.getReasons(), o.getCreatedAt(), o.getStatus().name(), o.getInvestigation(), o.getReply(),
                o.getEvidence().stream().map(f -> f.getId()).toList());
    }
}
