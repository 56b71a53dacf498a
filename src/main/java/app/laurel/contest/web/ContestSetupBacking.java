package app.laurel.contest.web;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestAdminService;
import app.laurel.contest.ContestService;
import app.laurel.contest.ContestSettings;
import app.laurel.contest.ContestUnit;
import app.laurel.contest.PhaseKind;
import app.laurel.identity.AccountService;
import app.laurel.identity.Unit;
import app.laurel.platform.time.Clocks;
import app.laurel.platform.web.FacesFeedback;
import app.laurel.platform.web.NotFound;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organiser/contest.xhtml} (new) or {@code ?code=HY2021}: a contest's whole set-up on one page, and the
 * units taking part with their quotas. Dates are entered as Beijing time.
 */
@Named
@ViewScoped
public class ContestSetupBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MB = 1024L * 1024;

    @Inject
    private ContestAdminService admin;

    @Inject
    private ContestService contests;

    @Inject
    private AccountService accounts;

    private String code;
    private boolean existing;
    private ContestForm form = new ContestForm();
    private final List<PhaseDates> phases = new ArrayList<>(Arrays.stream(PhaseKind.values()).map(PhaseDates::new).toList());
    private Long unitId;
    private Integer quotaMin;
    private Integer quotaMax;
    private LocalDateTime extendUntil;
    private transient List<ContestUnit> enrolled;
    private transient List<Unit> units;
    private String extendReason;

    public void load() throws java.io.IOException {
        if (code == null || code.isBlank()) {
            return;
        }
        Contest contest = NotFound.unless(() -> contests.byCode(code));
        if (contest == null) {
            return;
        }
        existing = true;
        form = ContestForm.of(contest);
        for (PhaseDates dates : phases) {
            contest.phase(dates.getKind()).ifPresent(p -> {
                dates.setStartsAt(LocalDateTime.ofInstant(p.getStartsAt(), Clocks.ZONE));
                dates.setEndsAt(LocalDateTime.ofInstant(p.getEndsAt(), Clocks.ZONE));
            });
        }
    }

    public void save() {
        Contest saved = existing ? admin.update(code, settings(), form.getVersion()) : admin.create(settings());
        code = saved.getCode();
        form.setVersion(saved.getVersion());
        existing = true;
        enrolled = null;
        FacesFeedback.info("setup.saved");
    }

    public void enrol() {
        admin.enrol(code, unitId == null ? -1 : unitId, quotaMin, quotaMax);
        enrolled = null;
        FacesFeedback.info("setup.enrolled");
    }

    /** Lets the chosen unit report after the deadline, until the given Beijing time; audited with the reason. */
    public void extend() {
        admin.extendDeadline(code, unitId == null ? -1 : unitId,
                extendUntil == null ? null : extendUntil.atZone(Clocks.ZONE).toInstant(), extendReason);
        FacesFeedback.info("setup.extended");
    }

    private ContestSettings settings() {
        Map<PhaseKind, ContestSettings.Period> periods = new EnumMap<>(PhaseKind.class);
        for (PhaseDates dates : phases) {
            if (dates.isSet()) {
                periods.put(dates.getKind(), new ContestSettings.Period(
                        dates.getStartsAt() == null ? null : dates.getStartsAt().atZone(Clocks.ZONE).toInstant(),
                        dates.getEndsAt() == null ? null : dates.getEndsAt().atZone(Clocks.ZONE).toInstant()));
            }
        }
        List<String> categories = form.getCategories() == null ? List.of()
                : form.getCategories().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new ContestSettings(existing ? code : form.getCode(), form.getTitle(), form.getTheme(), form.getDescription(),
                form.getOrganisingBody(), form.getUndertakingBody(), form.getCoOrganisingBody(), form.getContact(),
                periods, categories,
                form.isStories() ? new ContestSettings.StoryRule(form.getMinChars(), form.getMaxChars(), form.getMaxImages(), form.isAttachmentAllowed()) : null,
                form.isVideos() ? new ContestSettings.VideoRule(form.getMaxVideoMegabytes() * MB,
                        form.getMinMinutes() == null ? null : form.getMinMinutes() * 60,
                        form.getMaxMinutes() == null ? null : form.getMaxMinutes() * 60) : null,
                form.getPublicEntryLimit(), form.isPublicNeedsRecommendation());
    }

    public List<ContestUnit> getEnrolled() {
        if (enrolled == null) {
            enrolled = existing ? contests.byCode(code).getUnits() : List.of();
        }
        return enrolled;
    }

    public List<Unit> getUnits() {
        if (units == null) {
            units = accounts.listUnits();
        }
        return units;
    }

    public List<PhaseDates> getPhases() {
        return phases;
    }

    public ContestForm getForm() {
        return form;
    }

    public boolean isExisting() {
        return existing;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public LocalDateTime getExtendUntil() {
        return extendUntil;
    }

    public void setExtendUntil(LocalDateTime extendUntil) {
        this.extendUntil = extendUntil;
    }

    public String getExtendReason() {
        return extendReason;
    }

    public void setExtendReason(String extendReason) {
        this.extendReason = extendReason;
    }

    public Integer getQuotaMin() {
        return quotaMin;
    }

    public void setQuotaMin(Integer quotaMin) {
        this.quotaMin = quotaMin;
    }

    public Integer getQuotaMax() {
        return quotaMax;
    }

    public void setQuotaMax(Integer quotaMax) {
        this.quotaMax = quotaMax;
    }


}
