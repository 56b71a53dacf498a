package app.laurel.submission.api;

import app.laurel.submission.RecommendationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** A township's pre-selection (摸底推选): candidates naming it, recommending them, its own quota line. */
@Path("recommendations/{contest}")
@RequestScoped
@Tag(name = "recommendations")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    @Inject
    private RecommendationService recommendations;

    @GET
    @Path("candidates")
    @Operation(summary = "Citizens' entries that name the caller's township")
    public List<EntryJson> candidates(@PathParam("contest") String contest) {
        return recommendations.candidates(contest).stream().map(EntryJson::of).toList();
    }

    @GET
    @Path("candidates/{id}")
    @Operation(summary = "One candidate with its story and files, to read before recommending it")
    public EntryJson candidate(@PathParam("contest") String contest, @PathParam("id") long id) {
        return EntryJson.of(recommendations.candidate(contest, id));
    }

    @POST
    @Path("{id}/replace/{out}")
    @Operation(summary = "Recommend an entry in place of a recommended one (更换), in one step")
    public EntryJson swap(@PathParam("id") long id, @PathParam("out") long out) {
        return EntryJson.of(recommendations.swap(out, id));
    }

    @POST
    @Path("{id}")
    @Operation(summary = "Recommend an entry against the township's quota")
    public EntryJson recommend(@PathParam("id") long id) {
        return EntryJson.of(recommendations.recommend(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Withdraw a recommendation")
    public EntryJson withdraw(@PathParam("id") long id) {
        return EntryJson.of(recommendations.withdrawRecommendation(id));
    }

    @GET
    @Path("quota")
    @Operation(summary = "The caller's unit against its quota")
    public ScreeningResource.QuotaLineJson quota(@PathParam("contest") String contest) {
        return ScreeningResource.QuotaLineJson.of(recommendations.myQuota(contest));
    }
}
