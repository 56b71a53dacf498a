package app.laurel.judging.api;

import app.laurel.judging.AggregationMethod;
import app.laurel.judging.AssignmentMode;
import app.laurel.judging.Criterion;
import app.laurel.judging.RankedEntry;
import app.laurel.judging.Ranking;
import app.laurel.judging.Round;
import app.laurel.judging.RoundEntry;
import app.laurel.judging.RoundRules;
import app.laurel.judging.RoundService;
import app.laurel.judging.Rubric;
import app.laurel.platform.api.Params;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Judging rounds (organisers): create on the accepted entries, open, follow progress, rank, close. */
@Path("rounds")
@RequestScoped
@Tag(name = "rounds")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RoundResource {

    public record CriterionJson(String name, Integer maxPoints, Boolean primary) {
    }

    public record NewRoundJson(String contest, String name, String mode, Integer judgesPerEntry, String method,
                               Integer minScores, Integer disagreementPct, Integer selectCount,
                               List<CriterionJson> criteria, List<String> judges) {
    }

    public record RoundJson(long id, String contest, String name, int sequenceNo, String mode, String method,
                            int minScores, int selectCount, String status, List<String> entryCodes) {
    }

    public record RankedJson(String code, int rank, BigDecimal value, BigDecimal display, BigDecimal plainMean, int scores) {
    }

    public record RankingJson(String method, int selectCount, List<RankedJson> order, List<String> tiedAtCut) {
    }

    @Inject
    private RoundService rounds;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a round on the contest's accepted entries with its rubric, rules and panel")
    public Response create(NewRoundJson body) {
        if (body == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
        }
        Rubric rubric;
        try {
            rubric = new Rubric(body.criteria() == null ? List.of() : body.criteria().stream()
                    .map(c -> new Criterion(c.name(), c.maxPoints() == null ? 0 : c.maxPoints(), Boolean.TRUE.equals(c.primary()))).toList());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("criteria", "judging.round.rubric");
        }
        RoundRules rules = new RoundRules(body.name(), Params.choice(AssignmentMode.class, body.mode(), "mode", true),
                body.judgesPerEntry(), Params.choice(AggregationMethod.class, body.method() == null ? "TRIMMED_MEAN" : body.method(), "method", true),
                body.minScores() == null ? 1 : body.minScores(), body.disagreementPct() == null ? 20 : body.disagreementPct(),
                body.selectCount() == null ? 10 : body.selectCount(), rubric);
        Round round = rounds.create(body.contest(), rules, body.judges());
        return Response.created(URI.create("rounds/" + round.getId())).entity(json(round)).build();
    }

    @POST
    @Path("{id}/open")
    @Operation(summary = "Open the round: rules freeze, scorecards are assigned (own-unit entries never)")
    public RoundJson open(@PathParam("id") long id) {
        return json(rounds.open(id));
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
    @Operation(summary = "The ranking from the scores submitted so far, by the round's declared method")
    public RankingJson ranking(@PathParam("id") long id) {
        RoundService.CodedRanking result = rounds.ranking(id);
        Ranking ranking = result.ranking();
        return new RankingJson(ranking.method().name(), ranking.selectCount(),
                ranking.order().stream().map(e -> ranked(e, result.codes())).toList(),
                ranking.tiedAtCut().stream().map(e -> result.codes().get(e.entryId())).toList());
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close: needs the minimum of scores for every entry and no tie across the cut")
    public RoundJson close(@PathParam("id") long id) {
        return json(rounds.close(id));
    }

    private RoundJson json(Round round) {
        return new RoundJson(round.getId(), round.getContest().getCode(), round.getName(), round.getSequenceNo(),
                round.getAssignmentMode().name(), round.getMethod().name(), round.getMinScores(), round.getSelectCount(),
                round.getStatus().name(), rounds.entries(round).stream().map(RoundEntry::getCode).toList());
    }

    private static RankedJson ranked(RankedEntry e, Map<Long, String> codes) {
        return new RankedJson(codes.get(e.entryId()), e.rank(), e.value(), e.displayValue(), e.plainMean(), e.scoreCount());
    }

    private static Map<String, String> format(Map<String, int[]> counts) {
        Map<String, String> out = new HashMap<>();
        counts.forEach((k, v) -> out.put(k, v[0] + "/" + v[1]));
        return out;
    }
}
