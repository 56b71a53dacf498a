package app.laurel.submission.api;

import app.laurel.contest.EntryType;
import app.laurel.platform.api.Params;
import app.laurel.platform.api.VersionTags;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.submission.DraftInput;
import app.laurel.submission.FileRole;
import app.laurel.submission.SubmissionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** A citizen's or a unit's entries: draft, attach files, submit for a receipt, correct before screening, withdraw. */
@Path("entries")
@RequestScoped
@Tag(name = "entries")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    public record DraftJson(String contest, String type, Long categoryId, String title, String bodyHtml, Long townshipId,
                            String authorName, String authorPhone, String authorOrganisation,
                            Boolean originalityDeclared, Boolean displayConsent, Long version) {
        DraftInput input() {
            return new DraftInput(categoryId, title, bodyHtml, townshipId, authorName, authorPhone, authorOrganisation,
                    Boolean.TRUE.equals(originalityDeclared), Boolean.TRUE.equals(displayConsent));
        }
    }

    public record AttachJson(Long fileId, String role) {
    }

    @Inject
    private SubmissionService submissions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a draft entry in a contest (type STORY or VIDEO)")
    public Response create(DraftJson body) {
        DraftJson draft = require(body);
        if (draft.contest() == null || draft.contest().isBlank()) {
            throw InvalidInputException.of("contest", "validation.required");
        }
        EntryJson created = EntryJson.of(submissions.createDraft(draft.contest(), Params.choice(EntryType.class, draft.type(), "type", true), draft.input()));
        return Response.created(URI.create("entries/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "The caller's entries in a contest (?contest=CODE), or in every contest without it")
    public List<EntryJson> mine(@QueryParam("contest") String code) {
        return submissions.myEntries(code).stream().map(EntryJson::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's entries, with its receipt", description = VersionTags.READ)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public EntryJson get(@PathParam("id") long id) {
        return EntryJson.of(submissions.entry(id));
    }

    @GET
    @Path("{id}/versions")
    @Operation(summary = "The versions the entry was submitted in, newest first (corrections keep the receipt number)")
    public List<EntryVersionJson> versions(@PathParam("id") long id) {
        return submissions.versions(id).stream().map(EntryVersionJson::of).toList();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the draft, a returned entry, or a correction of a submitted entry (complete, before screening and the deadline)",
            description = VersionTags.WRITE)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public EntryJson save(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, DraftJson body) {
        return EntryJson.of(submissions.saveDraft(id, require(body).input(), VersionTags.expected(ifMatch, body.version())));
    }

    @POST
    @Path("{id}/files")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach an uploaded file in a role: IMAGE, ATTACHMENT, VIDEO or POSTER")
    public EntryJson attach(@PathParam("id") long id, AttachJson body) {
        if (body == null || body.fileId() == null) {
            throw InvalidInputException.of("fileId", "validation.required");
        }
        return EntryJson.of(submissions.attachFile(id, body.fileId(), Params.choice(FileRole.class, body.role(), "role", true)));
    }

    @DELETE
    @Path("{id}/files/{fileId}")
    @Operation(summary = "Detach a file")
    public EntryJson detach(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        return EntryJson.of(submissions.detachFile(id, fileId));
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit: checks everything and issues the receipt number; on a submitted entry, submits the correction as a new version")
    public EntryJson submit(@PathParam("id") long id) {
        return EntryJson.of(submissions.submit(id));
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw before the deadline")
    public EntryJson withdraw(@PathParam("id") long id) {
        return EntryJson.of(submissions.withdraw(id));
    }

    private static DraftJson require(DraftJson body) {
        if (body == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
        }
        return body;
    }

}
