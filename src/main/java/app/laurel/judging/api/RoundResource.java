package app.laurel.judging.api;

import app.laurel.judging.AggregationMethod;
import app.laurel.judging.AssignmentMode;
import app.laurel.judging.Criterion;
import app.laurel.judging.CutDecision;
import app.laurel.judging.PanelService;
import app.laurel.judging.Round;
import app.laurel.judging.RoundRules;
import app.laurel.judging.RoundService;
import app.laurel.judging.RoundSource;
import app.laurel.judging.Rubric;
import app.laurel.judging.ScoreSheet;
import app.laurel.judging.ScoreSheetExport;
import app.laurel.judging.api.RoundJsons.ConflictJson;
import app.laurel.judging.api.RoundJsons.CutJson;
import app.laurel.judging.api.RoundJsons.NewConflictJson;
import app.laurel.judging.api.RoundJsons.NewRoundJson;
import app.laurel.judging.api.RoundJsons.RankingJson;
import app.laurel.judging.api.RoundJsons.ReopenJson;
import app.laurel.judging.api.RoundJsons.RoundJson;
import app.laurel.platform.api.Downloads;
import app.laurel.platform.api.Params;
import app.laurel.platform.api.VersionTags;
import app.laurel.platform.i18n.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judging rounds (organisers): create on the accepted entries or on an earlier round's top N, open (assigns the
 * panel), follow progress, rank, settle a tie at the cut, manage conflicts and reopened scorecards, close.
 */
@Path("rounds")
@RequestScoped
@Tag(name = "rounds")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RoundResource {

    @Inject
    private RoundService rounds;

    @Inject
    private PanelService panel;

    @GET
    @Operation(summary = "The contest's rounds in order")
    public List<RoundJson> list(@QueryParam("contest") String contest) {
        return rounds.rounds(contest).stream().map(this::json).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a round with its rubric, rules and panel, on the accepted entries (optionally of one"
            + " category) or on the top N of a closed earlier round; numbers left out take their defaults (selectCount: 10, or"
            + " every entry when fewer); a selectCount above the round's entries is refused (400, field selectCount)")
    public Response create(NewRoundJson body) {
        Params.body(body);
        Round round = rounds.create(body.contest(), new RoundSource(body.categoryId(), body.fromRound(), body.top()),
                rules(body), body.judges());
        return Response.created(URI.create("rounds/" + round.getId())).entity(json(round)).build();
    }

    private static RoundRules rules(NewRoundJson body) {
        return new RoundRules(body.name(), Params.choice(AssignmentMode.class, body.mode(), "mode", false),
                body.judgesPerEntry(), Params.choice(AggregationMethod.class, body.method(), "method", false),
                body.minScores(), body.disagreementPct(), body.selectCount(), rubric(body.criteria()),
                body.commentBelow(), body.commentAbove());
    }

    /** Criteria left out: null, so that the service gives the standard rubric as the page does. */
    private static Rubric rubric(List<RoundJsons.CriterionJson> criteria) {
        return criteria == null ? null : Rubric.checked(() -> criteria.stream()
                .map(c -> Criterion.typed(c.name(), c.description(), c.maxPoints(), c.primary())).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The round with its rules, panel and entry codes", description = VersionTags.READ)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public RoundJson get(@PathParam("id") long id) {
        return json(rounds.find(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the rules and panel of a round still being set up (where its entries come from stays)",
            description = VersionTags.WRITE)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public RoundJson update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, NewRoundJson body) {
        Params.body(body);
        return json(rounds.update(id, rules(body), body.judges(), VersionTags.expected(ifMatch, body.version())));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a round still being set up")
    public Response delete(@PathParam("id") long id) {
        rounds.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/open")
    @Operation(summary = "Open the round: rules freeze, scorecards are assigned (never to a conflicted judge)")
    public RoundJson open(@PathParam("id") long id) {
        return json(rounds.open(id));
    }

    @GET
    @Path("{id}/assignments")
    @Operation(summary = "Which entry codes each judge holds a scorecard for")
    public Map<String, List<String>> assignments(@PathParam("id") long id) {
        return rounds.assignments(id);
    }

    @GET
    @Path("{id}/progress")
    @Operation(summary = "Submitted of assigned scorecards, by entry code and by judge")
    public Map<String, Map<String, String>> progress(@PathParam("id") long id) {
        RoundService.Progress progress = rounds.progress(id);
        Map<String, Map<String, String>> json = new HashMap<>();
        json.put("entries", format(progress.byEntryCode()));
        json.put("judges", format(progress.byJudge()));
        return json;
    }

    @GET
    @Path("{id}/ranking")
    @Operation(summary = "The ranking from the scores submitted so far, with disagreement flags, stability under"
            + " resampling of the panel, the judges' figures and Kendall's W")
    public RankingJson ranking(@PathParam("id") long id) {
        return RoundJsons.ranking(rounds.ranking(id));
    }

    @POST
    @Path("{id}/cut")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Settle a tie across the cut: ORDERED (codes in order) or SELECT_ALL, with a written reason")
    public RankingJson cut(@PathParam("id") long id, CutJson body) {
        Params.body(body);
        rounds.resolveCut(id, Params.choice(CutDecision.class, body.decision(), "decision", true), body.order(), body.reason());
        return RoundJsons.ranking(rounds.ranking(id));
    }

    @GET
    @Path("{id}/conflicts")
    @Operation(summary = "Conflicts recorded for the round (declared by judges or added by organisers)")
    public List<ConflictJson> conflicts(@PathParam("id") long id) {
        return panel.conflicts(id).stream().map(RoundJsons::conflict).toList();
    }

    /** {@code reassignedTo} only when another judge took the scorecard over (BALANCED mode). */
    public record ConflictOutcomeJson(boolean scorecardRemoved, String reassignedTo) {
    }

    @POST
    @Path("{id}/conflicts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a conflict: the judge's scorecard for the entry goes; in BALANCED mode another judge takes it")
    public Response addConflict(@PathParam("id") long id, NewConflictJson body) {
        Params.body(body);
        PanelService.ConflictOutcome outcome = panel.addConflict(id, body.entry(), body.judge(), body.reason());
        return Response.status(Response.Status.CREATED)
                .entity(new ConflictOutcomeJson(outcome.scorecardRemoved(), outcome.reassignedTo().orElse(null))).build();
    }

    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reopen a judge's submitted scorecard for correction, with a reason (audited)")
    public Response reopen(@PathParam("id") long id, ReopenJson body) {
        Params.body(body);
        panel.reopen(id, body.entry(), body.judge(), body.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/third-markers")
    @Operation(summary = "BALANCED mode: give every entry the panel disagrees on one more judge")
    public Map<String, List<String>> thirdMarkers(@PathParam("id") long id) {
        return Map.of("added", panel.addThirdMarkers(id));
    }

    @POST
    @Path("{id}/remind")
    @Operation(summary = "Remind the judges with unsubmitted scorecards (a hook for notifications); whom it reminded")
    public Map<String, List<String>> remind(@PathParam("id") long id) {
        return Map.of("reminded", panel.remind(id));
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close: needs the minimum of scores for every entry and no unsettled tie across the cut")
    public RoundJson close(@PathParam("id") long id) {
        return json(rounds.close(id));
    }

    @GET
    @Path("{id}/scores.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The score sheet as Excel: a summary with every total and the aggregate, and one sheet per judge")
    public Response scoresXlsx(@PathParam("id") long id, @CookieParam("laurel_lang") String chosen,
                               @HeaderParam("Accept-Language") String language) {
        return download(id, "xlsx", Messages.fromCookieOrHeader(chosen, language));
    }

    @GET
    @Path("{id}/scores.csv")
    @Produces("text/csv")
    @Operation(summary = "The score sheet as CSV (UTF-8 with BOM): one line per scorecard")
    public Response scoresCsv(@PathParam("id") long id, @CookieParam("laurel_lang") String chosen,
                              @HeaderParam("Accept-Language") String language) {
        return download(id, "csv", Messages.fromCookieOrHeader(chosen, language));
    }

    /** The sheet as a download named after contest and round, its Chinese kept in every browser (RFC 6266). */
    private Response download(long id, String format, Locale locale) {
        ScoreSheet sheet = rounds.scoreSheet(id);
        String name = sheet.contestTitle() + "-" + sheet.roundName() + "." + format;
        StreamingOutput body = out -> {
            if ("xlsx".equals(format)) {
                ScoreSheetExport.writeXlsx(sheet, locale, out);
            } else {
                ScoreSheetExport.writeCsv(sheet, locale, out);
            }
        };
        return Downloads.attachment(body, "scores." + format, name);
    }

    private RoundJson json(Round round) {
        return RoundJsons.round(round, rounds.entryCodes(round));
    }

    private static Map<String, String> format(Map<String, int[]> counts) {
        Map<String, String> out = new HashMap<>();
        counts.forEach((k, v) -> out.put(k, v[0] + "/" + v[1]));
        return out;
    }
}
