package app.laurel.contest;

import app.laurel.identity.Roles;
import app.laurel.identity.Unit;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.persistence.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Setting up a contest (organisers): create it, change its texts, dates, categories and entry rules, and enrol
 * units with their quotas or extend one unit's deadline. Categories in use by entries are kept even if left out of a later save.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class ContestAdminService {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,15}");

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private ContestService contests;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private Versions versions;

    @Inject
    private CurrentCaller caller;

    @Inject
    private Event<ContestChanged> contestChanged;

    public Contest create(ContestSettings settings) {
        List<FieldError> errors = check(settings);
        if (settings.code() == null || !CODE.matcher(settings.code()).matches()) {
            errors.add(new FieldError("code", "contest.code.format"));
        } else if (!em.createNamedQuery("Contest.byCode", Contest.class).setParameter("code", settings.code()).getResultList().isEmpty()) {
            errors.add(new FieldError("code", "contest.code.taken"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Contest contest = new Contest(settings.code(), settings.title().strip(), settings.theme(), settings.description(), clock.instant());
        apply(contest, settings);
        em.persist(contest);
        audit.record(caller.name(), "CONTEST_CREATED", "contest:" + settings.code(), settings.title());
        contestChanged.fire(new ContestChanged(settings.code()));
        return contest;
    }

    /**
     * Saves a contest's set-up made from the version {@code expectedVersion} (null: unchecked, for older API
     * clients); refused with a {@link app.laurel.platform.error.StaleVersionException} when someone saved since.
     */
    public Contest update(String code, ContestSettings settings, Long expectedVersion) {
        Contest contest = contest(code);
        versions.expect(contest.getVersion(), expectedVersion, "contest:" + code,
                () -> ContestSettings.of(contest).differences(settings));
        List<FieldError> errors = check(settings);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ContestSettings stored = ContestSettings.of(contest);
        contest.describe(settings.title().strip(), settings.theme(), settings.description());
        apply(contest, settings);
        List<String> changed = stored.differences(settings);
        audit.record(caller.name(), "CONTEST_UPDATED", "contest:" + code, settings.title(), stored.shown(changed), settings.shown(changed));
        contestChanged.fire(new ContestChanged(code));
        versions.advance(contest, contest::getVersion);
        return contest;
    }

    /**
     * Enrols a unit (or changes its quota): how many entries it must ({@code min}) and may ({@code max})
     * submit. Both left out: the unit type's default. Only a minimum: the maximum is that minimum (at least 1).
     */
    public Contest enrol(String code, long unitId, Integer min, Integer max) {
        Contest contest = contest(code);
        Unit unit = em.find(Unit.class, unitId);
        if (unit == null) {
            throw LaurelException.notFound("unit.notFound");
        }
        Quota quota = Quota.defaultFor(unit.getUnitType());
        if (min != null || max != null) {
            int least = min == null ? 0 : min;
            int most = max == null ? Math.max(1, least) : max;
            if (least < 0 || most < Math.max(1, least)) {
                throw InvalidInputException.of("max", "contest.quota.invalid");
            }
            quota = new Quota(least, most);
        }
        contest.enrol(unit, quota);
        audit.record(caller.name(), "UNIT_ENROLLED", "contest:" + code + " unit:" + unitId, String.valueOf(quota));
        return contest;
    }

    /** Lets one unit submit after the deadline, until {@code until}; the reason is audited. */
    public void extendDeadline(String contestCode, long unitId, Instant until, String reason) {
        Contest contest = contest(contestCode);
        ContestUnit participation = contest.getUnits().stream().filter(u -> u.getUnit().getId() == unitId).findFirst()
                .orElseThrow(() -> LaurelException.notFound("entry.unitNotEnrolled"));
        if (until == null || !until.isAfter(clock.instant())) {
            throw InvalidInputException.of("until", "screening.extension.past");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw InvalidInputException.of("reason", "validation.length", 1, 500);
        }
        String before = AuditTrail.shown(participation.getExtendedUntil().orElse(null));
        participation.extendDeadline(until);
        audit.record(caller.name(), "DEADLINE_EXTENDED", "contest:" + contestCode + " unit:" + unitId, until + " " + reason.strip(),
                before, AuditTrail.shown(until));
    }

    private void apply(Contest contest, ContestSettings s) {
        contest.nameBodies(s.organisingBody(), s.undertakingBody(), s.coOrganisingBody(), s.contact());
        s.phases().forEach((kind, period) -> contest.schedule(kind, period.startsAt(), period.endsAt()));
        for (String category : s.categories()) {
            contest.addCategory(category.strip());
        }
        if (s.story() != null) {
            contest.configureStories(s.story().minChars(), s.story().maxChars(), s.story().maxImages(), s.story().attachmentAllowed());
        }
        if (s.video() != null) {
            contest.configureVideos(s.video().maxBytes(), s.video().minSeconds(), s.video().maxSeconds());
        }
        contest.setPublicEntryPolicy(s.publicEntryLimit(), s.publicNeedsRecommendation());
    }

    /** Checks the settings as a whole and reports every problem at once. */
    static List<FieldError> check(ContestSettings s) {
        List<FieldError> errors = new ArrayList<>();
        if (s.title() == null || s.title().isBlank() || s.title().length() > 200) {
            errors.add(new FieldError("title", "validation.length", 1, 200));
        }
        length(errors, "theme", s.theme(), 200);
        length(errors, "organisingBody", s.organisingBody(), 200);
        length(errors, "undertakingBody", s.undertakingBody(), 500);
        length(errors, "coOrganisingBody", s.coOrganisingBody(), 500);
        length(errors, "contact", s.contact(), 200);
        length(errors, "description", s.description(), 20000);
        Map<PhaseKind, ContestSettings.Period> phases = s.phases() == null ? Map.of() : s.phases();
        if (!phases.containsKey(PhaseKind.SUBMISSION)) {
            errors.add(new FieldError("phases", "contest.phase.submissionRequired"));
        }
        phases.forEach((kind, period) -> {
            if (period == null || period.startsAt() == null || period.endsAt() == null || !period.endsAt().isAfter(period.startsAt())) {
                errors.add(new FieldError("phase." + kind, "contest.phase.order"));
            }
        });
        if (s.categories() == null || s.categories().isEmpty()
                || s.categories().stream().anyMatch(c -> c == null || c.isBlank() || c.strip().length() > 50)) {
            errors.add(new FieldError("categories", "contest.categories.invalid"));
        }
        if (s.story() == null && s.video() == null) {
            errors.add(new FieldError("rules", "contest.rules.none"));
        }
        if (s.story() != null && (s.story().minChars() < 0 || s.story().maxChars() < Math.max(1, s.story().minChars())
                || s.story().maxImages() < 0 || s.story().maxImages() > 50)) {
            errors.add(new FieldError("story", "contest.rules.story"));
        }
        if (s.video() != null && (s.video().maxBytes() <= 0 || s.video().maxBytes() > EntryRule.DEFAULT_MAX_VIDEO_BYTES
                || (s.video().minSeconds() != null && s.video().maxSeconds() != null && s.video().maxSeconds() < s.video().minSeconds()))) {
            errors.add(new FieldError("video", "contest.rules.video"));
        }
        if (s.publicEntryLimit() < 0 || s.publicEntryLimit() > 100) {
            errors.add(new FieldError("publicEntryLimit", "validation.length", 0, 100));
        }
        return errors;
    }

    private static void length(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "validation.length", 0, max));
        }
    }

    private Contest contest(String code) {
        return contests.byCode(code);
    }
}
