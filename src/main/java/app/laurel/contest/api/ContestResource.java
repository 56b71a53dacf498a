package app.laurel.contest.api;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.contest.EntryType;
import app.laurel.contest.Phase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Public read access to contests. */
@Path("contests")
@RequestScoped
@Tag(name = "contests")
@Produces(MediaType.APPLICATION_JSON)
public class ContestResource {

    public record PhaseJson(String kind, Instant startsAt, Instant endsAt, String status) {
    }

    public record CategoryJson(long id, String name) {
    }

    public record RuleJson(String type, int minChars, int maxChars, int maxImages, boolean attachmentAllowed,
                           long maxVideoBytes, Integer minSeconds, Integer maxSeconds) {
    }

    public record UnitJson(long id, String name, String type) {
    }

    public record ContestJson(String code, String title, String theme, String organisingBody, String undertakingBody,
                              String coOrganisingBody, boolean sample, boolean acceptingEntries, List<PhaseJson> phases,
                              List<CategoryJson> categories, List<RuleJson> rules, int publicEntryLimit,
                              List<UnitJson> units) {
    }

    @Inject
    private ContestService contests;

    @Inject
    private Clock clock;

    @GET
    @Operation(summary = "All contests")
    public List<ContestJson> list() {
        return contests.listContests().stream().map(this::json).toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One contest by its code")
    public ContestJson get(@PathParam("code") String code) {
        return json(contests.byCode(code));
    }

    private ContestJson json(Contest c) {
        Instant now = clock.instant();
        return new ContestJson(c.getCode(), c.getTitle(), c.getTheme(), c.getOrganisingBody(), c.getUndertakingBody(),
                c.getCoOrganisingBody(), c.isSample(), c.isAcceptingEntriesAt(now),
                c.getPhases().stream().map(p -> phaseJson(p, now)).toList(),
                c.getCategories().stream().map(cat -> new CategoryJson(cat.getId(), cat.getName())).toList(),
                Arrays.stream(EntryType.values()).flatMap(t -> c.rule(t).stream())
                        .map(r -> new RuleJson(r.getEntryType().name(), r.getMinChars(), r.getMaxChars(), r.getMaxImages(),
                                r.isAttachmentAllowed(), r.getMaxVideoBytes(), r.getMinSeconds(), r.getMaxSeconds()))
                        .toList(),
                c.getPublicEntryLimit(),
                c.getUnits().stream().map(u -> new UnitJson(u.getUnit().getId(), u.getUnit().getName(),
                        u.getUnit().getUnitType().name())).toList());
    }

    private static PhaseJson phaseJson(Phase p, Instant now) {
        return new PhaseJson(p.getKind().name(), p.getStartsAt(), p.getEndsAt(), p.statusAt(now).name());
    }
}
