package app.laurel.contest.api;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.contest.ContestAdminService;
import app.laurel.contest.ContestSettings;
import app.laurel.contest.EntryType;
import app.laurel.contest.PhaseKind;
import app.laurel.platform.api.Params;
import app.laurel.platform.api.VersionTags;
import app.laurel.platform.api.Versioned;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.contest.Phase;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Contests: public reading; organisers create and set them up, and enrol units with their quotas. */
@Path("contests")
@RequestScoped
@Tag(name = "contests")
@Produces(MediaType.APPLICATION_JSON)
public class ContestResource {

    public record ContestPhaseJson(String kind, Instant startsAt, Instant endsAt, String status) {
    }

    public record CategoryJson(long id, String name) {
    }

    public record RuleJson(String type, int minChars, int maxChars, int maxImages, boolean attachmentAllowed,
                           long maxVideoBytes, Integer minSeconds, Integer maxSeconds) {
    }

    public record ContestUnitJson(long id, String name, String type) {
    }

    public record ContestJson(String code, String title, String theme, String organisingBody, String undertakingBody,
                              String coOrganisingBody, boolean sample, boolean acceptingEntries, List<ContestPhaseJson> phases,
                              List<CategoryJson> categories, List<RuleJson> rules, int publicEntryLimit,
                              List<ContestUnitJson> units, long version) implements Versioned {
    }

    /** The set-up of a contest as the API takes it; phases by kind (SUBMISSION is required). */
    public record SettingsJson(String code, String title, String theme, String description, String organisingBody,
                               String undertakingBody, String coOrganisingBody, String contact,
                               Map<String, ContestSettings.Period> phases, List<String> categories,
                               ContestSettings.StoryRule story, ContestSettings.VideoRule video,
                               Integer publicEntryLimit, Boolean publicNeedsRecommendation, Long version) {
        ContestSettings settings() {
            Map<PhaseKind, ContestSettings.Period> byKind = new EnumMap<>(PhaseKind.class);
            if (phases != null) {
                phases.forEach((kind, period) -> byKind.put(Params.choice(PhaseKind.class, kind, "phases", true), period));
            }
            return new ContestSettings(code, title, theme, description, organisingBody, undertakingBody,
                    coOrganisingBody, contact, byKind, categories == null ? List.of() : categories, story, video,
                    publicEntryLimit == null ? 3 : publicEntryLimit, Boolean.TRUE.equals(publicNeedsRecommendation));
        }
    }

    public record EnrolmentJson(Long unitId, Integer min, Integer max) {
    }

    @Inject
    private ContestService contests;

    @Inject
    private ContestAdminService admin;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a contest (organisers)")
    public Response create(SettingsJson body) {
        if (body == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
        }
        Contest created = admin.create(body.settings());
        return Response.created(URI.create("contests/" + created.getCode())).entity(json(created)).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change a contest's set-up (organisers)", description = VersionTags.WRITE)
    @Extension(name = VersionTags.CHECKED, value = "true")
    public ContestJson update(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, SettingsJson body) {
        if (body == null) {
            throw new LaurelException(LaurelException.Kind.INVALID, "api.badRequest");
        }
        return json(admin.update(code, body.settings(), VersionTags.expected(ifMatch, body.version())));
    }

    @POST
    @Path("{code}/units")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Enrol a unit with its quota (default by unit type when min/max are left out)")
    public ContestJson enrol(@PathParam("code") String code, EnrolmentJson body) {
        if (body == null || body.unitId() == null) {
            throw InvalidInputException.of("unitId", "validation.required");
        }
        return json(admin.enrol(code, body.unitId(), body.min(), body.max()));
    }

    @Inject
    private Clock clock;

    @GET
    @Operation(summary = "All contests")
    public List<ContestJson> list() {
        return contests.listContests().stream().map(this::json).toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One contest by its code", description = VersionTags.READ)
    @Extension(name = VersionTags.CHECKED, value = "true")
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
                c.getUnits().stream().map(u -> new ContestUnitJson(u.getUnit().getId(), u.getUnit().getName(),
                        u.getUnit().getUnitType().name())).toList(),
                c.getVersion());
    }

    private static ContestPhaseJson phaseJson(Phase p, Instant now) {
        return new ContestPhaseJson(p.getKind().name(), p.getStartsAt(), p.getEndsAt(), p.statusAt(now).name());
    }
}
