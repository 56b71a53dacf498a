package app.laurel.judging.api;

import app.laurel.judging.BlindEntry;
import app.laurel.judging.JudgingService;
import app.laurel.platform.api.Params;
import app.laurel.platform.api.VersionTags;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.servlet.http.HttpServletResponse;
import app.laurel.platform.persistence.Paging;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scoring (judges): my scorecards, an entry shown blind, save a draft, submit. */
@Path("judging/scorecards")
@RequestScoped
@Tag(name = "judging")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class JudgingResource {

    public record ScoresJson(Map<String, BigDecimal> scores, String comment, Long version) {
    }

    public record ReasonJson(String reason) {
    }

    @Inject
    private JudgingService judging;

    @Context
    private HttpServletResponse response;

    @GET
    @Operation(summary = "One page of the caller's scorecards in open rounds, each entry blind, in list order (contest,"
            + " round, code); ?page=1&size=50 (at most 200). Headers: X-Total-Count (all the caller's scorecards),"
            + " X-Submitted-Count (those submitted), X-Page-Count")
    public List<BlindEntry> mine(@Parameter(description = "Page number from 1 (out of range: brought into range)")
                                 @QueryParam("page") Integer page,
                                 @Parameter(description = "Scorecards per page, 1–200, default 50")
                                 @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        JudgingService.CardPage found = judging.myScorecards(paging);
        response.setHeader("X-Total-Count", Long.toString(found.total()));
        response.setHeader("X-Submitted-Count", Long.toString(found.submitted()));
        response.setHeader("X-Page-Count", Integer.toString(paging.pages(found.total())));
        return found.cards();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One scorecard with its entry, blind", description = VersionTags.READ)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public BlindEntry get(@PathParam("id") long id) {
        return judging.view(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save scores (half points) as a draft", description = VersionTags.WRITE)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public BlindEntry save(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, ScoresJson body) {
        Params.body(body);
        // The numbers as text, through the page's own method: refused the same way, beside the same criterion.
        Map<String, String> typed = new LinkedHashMap<>();
        if (body.scores() != null) {
            body.scores().forEach((criterion, points) -> typed.put(criterion, points == null ? null : points.toPlainString()));
        }
        return judging.save(id, typed, body.comment(), VersionTags.expected(ifMatch, body.version()));
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit the scorecard: every criterion scored; final")
    public BlindEntry submit(@PathParam("id") long id) {
        return judging.submit(id);
    }

    @POST
    @Path("{id}/conflict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare a conflict (回避) on the entry: the scorecard goes and, in BALANCED mode, another judge takes it")
    public jakarta.ws.rs.core.Response declareConflict(@PathParam("id") long id, ReasonJson body) {
        judging.declareConflict(id, body == null ? null : body.reason());
        return jakarta.ws.rs.core.Response.noContent().build();
    }
}
