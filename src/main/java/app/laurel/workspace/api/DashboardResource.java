package app.laurel.workspace.api;

import app.laurel.workspace.BoxStats;
import app.laurel.workspace.ContestDashboard;
import app.laurel.workspace.DashboardService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** A contest's dashboard figures (数据看板) for organisers and admins: the same numbers the page draws. */
@Path("contests/{code}/dashboard")
@RequestScoped
@Tag(name = "contests")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    private DashboardService dashboards;

    @GET
    @Operation(summary = "A contest's dashboard: entries by day, category, type and status; units against their quotas; the "
            + "judging round's progress per judge and per entry and each judge's score distribution; objections by state",
            description = "Days are Asia/Shanghai days; scores are totals in points; secondsLeft counts from the server's clock "
                    + "to the submission deadline (negative once passed). judging is null before a round opens, objections "
                    + "before a notice is published.")
    public DashboardJson get(@PathParam("code") String code) {
        return DashboardJson.of(dashboards.dashboard(code));
    }

    public record DashboardJson(String code, String title, String deadline, Long secondsLeft, List<DashboardCountJson> byDay,
                                List<DashboardCountJson> byCategory, List<DashboardCountJson> byType,
                                List<DashboardCountJson> byStatus, List<DashboardUnitJson> units, DashboardJudgingJson judging,
                                List<DashboardCountJson> objections) {
        static DashboardJson of(ContestDashboard d) {
            return new DashboardJson(d.code(), d.title(), text(d.deadline()), d.remaining() == null ? null : d.remaining().toSeconds(),
                    counts(d.byDay()), counts(d.byCategory()), counts(d.byType()), counts(d.byStatus()),
                    d.units().stream().map(u -> new DashboardUnitJson(u.unit(), u.counted(), u.min(), u.max(),
                            text(u.extendedUntil()), u.isBelowMinimum())).toList(),
                    d.judging() == null ? null : DashboardJudgingJson.of(d.judging()),
                    d.objections() == null ? null : counts(d.objections()));
        }
    }

    /** label: a date (yyyy-MM-dd), a category name (empty: none), an enum name, or a number of scores. */
    public record DashboardCountJson(String label, long count) {
    }

    public record DashboardUnitJson(String unit, long counted, int min, int max, String extendedUntil, boolean belowMinimum) {
    }

    public record DashboardJudgingJson(long roundId, String round, String status, List<DashboardJudgeJson> judges,
                                       List<DashboardCountJson> entriesByScores, List<DashboardScoresJson> scores) {
        static DashboardJudgingJson of(ContestDashboard.Judging j) {
            return new DashboardJudgingJson(j.roundId(), j.round(), j.status(),
                    j.judges().stream().map(l -> new DashboardJudgeJson(l.judge(), l.submitted(), l.assigned())).toList(),
                    counts(j.entriesByScores()), j.scores().stream().map(s -> DashboardScoresJson.of(s.judge(), s.box())).toList());
        }
    }

    public record DashboardJudgeJson(String judge, long submitted, long assigned) {
    }

    public record DashboardScoresJson(String judge, int n, double min, double q1, double median, double q3, double max, double mean) {
        static DashboardScoresJson of(String judge, BoxStats b) {
            return new DashboardScoresJson(judge, b.n(), b.min(), b.q1(), b.median(), b.q3(), b.max(), b.mean());
        }
    }

    private static List<DashboardCountJson> counts(List<ContestDashboard.Count> counts) {
        return counts.stream().map(c -> new DashboardCountJson(c.label(), c.count())).toList();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
