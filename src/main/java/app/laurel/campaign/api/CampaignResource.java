package app.laurel.campaign.api;

import app.laurel.campaign.CampaignDocument;
import app.laurel.campaign.CampaignService;
import app.laurel.campaign.CellStatus;
import app.laurel.campaign.DocumentKind;
import app.laurel.campaign.MatrixExport;
import app.laurel.campaign.NewTask;
import app.laurel.campaign.ReportService;
import app.laurel.campaign.ReviewService;
import app.laurel.campaign.TaskImport;
import app.laurel.platform.sheet.SheetRows;
import app.laurel.campaign.UnitSummaryPdf;
import app.laurel.campaign.api.CampaignJsons.*;
import app.laurel.identity.Roles;
import app.laurel.platform.api.Params;
import app.laurel.platform.api.VersionTags;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.i18n.Messages;
import app.laurel.storage.api.StoredFileJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Task campaigns, one root for all of it: the organiser's set-up, import, extensions, matrix and exports; a unit's
 * tasks, reports and documents; an office's review queue and decisions. Each calls the service the pages call.
 */
@Path("campaigns")
@RequestScoped
@Tag(name = "campaigns")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private static final String CODE = "{code: [A-Za-z0-9_-]{2,20}}";

    @Inject
    private CampaignService campaigns;

    @Inject
    private ReportService reports;

    @Inject
    private ReviewService reviews;

    @Context
    private SecurityContext security;

    @GET
    @Operation(summary = "The campaigns the caller works on: all for organisers, their unit's for unit admins, their offices' for reviewers")
    public List<CampaignSummaryJson> list() {
        var list = security.isUserInRole(Roles.ORGANISER) || security.isUserInRole(Roles.ADMIN) ? campaigns.list()
                : security.isUserInRole(Roles.REVIEWER) ? reviews.myCampaigns() : reports.myCampaigns();
        return list.stream().map(CampaignSummaryJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a campaign (code, title, document number 文号)")
    public Response create(NewCampaignJson body) {
        NewCampaignJson b = Params.body(body);
        var created = campaigns.create(new app.laurel.campaign.NewCampaign(b.code(), b.title(), b.documentNo()));
        return Response.status(Response.Status.CREATED).entity(CampaignJson.of(created)).build();
    }

    @GET
    @Path(CODE)
    @Operation(summary = "A campaign with its phases, offices and reviewers, units and tasks (organisers)")
    public CampaignJson get(@PathParam("code") String code) {
        return CampaignJson.of(campaigns.campaign(code));
    }

    @POST
    @Path(CODE + "/phases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a phase with its dates (yyyy-MM-dd)")
    public Response addPhase(@PathParam("code") String code, CampaignPhaseJson body) {
        CampaignPhaseJson b = Params.body(body);
        var campaign = campaigns.addPhase(code, b.name(), date("startsOn", b.startsOn()), date("endsOn", b.endsOn()));
        return Response.status(Response.Status.CREATED).entity(CampaignJson.of(campaign)).build();
    }

    @POST
    @Path(CODE + "/offices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a responsible office (责任科室)")
    public Response addOffice(@PathParam("code") String code, NameJson body) {
        return Response.status(Response.Status.CREATED)
                .entity(OfficeJson.of(campaigns.addOffice(code, Params.body(body).name()))).build();
    }

    @POST
    @Path(CODE + "/offices/{officeId: [0-9]+}/reviewers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tie a REVIEWER account to an office")
    public OfficeJson addReviewer(@PathParam("code") String code, @PathParam("officeId") long officeId, ReviewerJson body) {
        return OfficeJson.of(campaigns.addReviewer(code, officeId, Params.body(body).username()));
    }

    @POST
    @Path(CODE + "/units")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrol an existing unit in the campaign")
    public CampaignJson enrol(@PathParam("code") String code, EnrolJson body) {
        return CampaignJson.of(campaigns.enrolUnit(code, Params.body(body).unitName()));
    }

    @POST
    @Path(CODE + "/tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a task: text, evidence checked, offices, optional target (comparison, value, unit), due")
    public Response addTask(@PathParam("code") String code, TaskJson body) {
        TaskJson b = Params.body(body);
        NewTask task = new NewTask(b.text(), b.evidenceRequired(), b.offices(), b.comparison(), b.target(), b.targetUnit(),
                due(b.due()));
        return Response.status(Response.Status.CREATED).entity(TaskJson.of(campaigns.addTask(code, task))).build();
    }

    @POST
    @Path(CODE + "/tasks/import")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"})
    @Operation(summary = "Import tasks from an .xlsx or .csv (name it with ?fileName=); one bad row and nothing is imported, "
            + "every bad row is listed in 'fields'")
    public Response importTasks(@PathParam("code") String code, @QueryParam("fileName") String fileName, InputStream body)
            throws IOException {
        byte[] content = SheetRows.readAtMost(body, CampaignService.MAX_IMPORT_BYTES, "campaign.import");
        var added = campaigns.importTasks(code, fileName, content);
        return Response.status(Response.Status.CREATED)
                .entity(new ImportedJson(added.size(), added.stream().map(TaskJson::of).toList())).build();
    }

    @POST
    @Path(CODE + "/extensions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Let one unit report late until an instant (or the end of a date), with a reason (audited)")
    public CampaignUnitJson extend(@PathParam("code") String code, CampaignExtensionJson body) {
        CampaignExtensionJson b = Params.body(body);
        return CampaignUnitJson.of(campaigns.extendDeadline(code, b.unitId(), due(b.until()), b.reason()));
    }

    @GET
    @Path(CODE + "/matrix")
    @Operation(summary = "Units × tasks with each cell's status, completion per unit and office; filter by office id and status")
    public MatrixJson matrix(@PathParam("code") String code, @QueryParam("office") Long officeId,
                             @QueryParam("status") String status) {
        return MatrixJson.of(campaigns.matrix(code, officeId, Params.choice(CellStatus.class, status, "status", false)));
    }

    @GET
    @Path(CODE + "/matrix.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The progress matrix as an Excel workbook")
    public Response matrixExport(@PathParam("code") String code, @HeaderParam("Accept-Language") String language) {
        var campaign = campaigns.campaign(code);
        var matrix = campaigns.matrix(code, null, null);
        StreamingOutput out = stream -> MatrixExport.write(campaign.getTitle(), matrix, Messages.fromAcceptLanguage(language), stream);
        return Response.ok(out).header("Content-Disposition", "attachment; filename=\"campaign-" + code + ".xlsx\"").build();
    }

    @GET
    @Path(CODE + "/units/{unitId: [0-9]+}/summary.pdf")
    @Produces("application/pdf")
    @Operation(summary = "A unit's one-page summary as PDF")
    public Response summary(@PathParam("code") String code, @PathParam("unitId") long unitId,
                            @HeaderParam("Accept-Language") String language) {
        var summary = campaigns.unitSummary(code, unitId);
        StreamingOutput out = stream -> UnitSummaryPdf.write(summary, Messages.fromAcceptLanguage(language), stream);
        return Response.ok(out).header("Content-Disposition", "inline; filename=\"summary-" + code + "-" + unitId + ".pdf\"").build();
    }

    @GET
    @Path(CODE + "/my-tasks")
    @Operation(summary = "A unit admin's tasks with the unit's report on each, its status and whether it may report now")
    public List<UnitTaskJson> myTasks(@PathParam("code") String code) {
        return reports.myTasks(code).stream().map(UnitTaskJson::of).toList();
    }

    @POST
    @Path(CODE + "/tasks/{taskId: [0-9]+}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report on a task (or correct a returned report): text, value (where the task has a target), "
            + "ids of evidence files stored through /uploads", description = VersionTags.WRITE
            + " Correcting a report, send its version; -1 says the caller saw no report yet.")
    @Extension(name = VersionTags.CHECKED, value = "true")
    public ReportJson report(@PathParam("code") String code, @PathParam("taskId") long taskId,
                             @HeaderParam("If-Match") String ifMatch, ReportInputJson body) {
        ReportInputJson b = Params.body(body);
        return ReportJson.of(reports.submit(code, taskId, b.text(), b.value(), b.fileIds(), VersionTags.expected(ifMatch, b.version())));
    }

    @POST
    @Path(CODE + "/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add the unit's plan (PLAN, 方案) or summary (SUMMARY, 总结): a stored PDF, Word file or scan")
    public Response addDocument(@PathParam("code") String code, DocumentInputJson body) {
        DocumentInputJson b = Params.body(body);
        if (b.fileId() == null) {
            throw InvalidInputException.of("fileId", "validation.required");
        }
        CampaignDocument d = reports.addDocument(code, Params.choice(DocumentKind.class, b.kind(), "kind", true), b.fileId());
        return Response.status(Response.Status.CREATED).entity(new DocumentJson(d.getId(), d.getKind().name(),
                StoredFileJson.of(d.getFile()), d.getUploadedAt().toString())).build();
    }

    @GET
    @Path(CODE + "/review-queue")
    @Operation(summary = "A reviewer's queue: reports on their offices' tasks, waiting ones first (all=true adds decided ones)")
    public List<ReportJson> queue(@PathParam("code") String code, @QueryParam("all") boolean all) {
        return reviews.queue(code, all).stream().map(ReportJson::of).toList();
    }

    @GET
    @Path(CODE + "/reports/{reportId: [0-9]+}")
    @Operation(summary = "A report with its whole history (responsible reviewers and organisers)")
    public ReportJson reportById(@PathParam("code") String code, @PathParam("reportId") long reportId) {
        return ReportJson.of(reviews.report(code, reportId));
    }

    @POST
    @Path(CODE + "/reports/{reportId: [0-9]+}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "ACCEPT, or RETURN with a reason, a waiting report (reviewers of a responsible office)")
    public ReportJson decide(@PathParam("code") String code, @PathParam("reportId") long reportId, DecisionJson body) {
        DecisionJson b = Params.body(body);
        if (b.decision() == null) {
            throw InvalidInputException.of("decision", "validation.required");
        }
        return ReportJson.of(switch (b.decision().strip().toUpperCase(java.util.Locale.ROOT)) {
            case "ACCEPT" -> reviews.accept(code, reportId, b.version());
            case "RETURN" -> reviews.returnForCorrection(code, reportId, b.reason(), b.version());
            default -> throw InvalidInputException.of("decision", "validation.choice");
        });
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "campaign.date.invalid", value);
        }
    }

    /** An ISO-8601 instant, or a date meaning the end of that day in China Standard Time. */
    private static Instant due(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.strip().length() == 10 ? TaskImport.endOfDay(LocalDate.parse(value.strip())) : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("due", "campaign.date.invalid", value);
        }
    }
}
