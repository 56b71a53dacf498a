package app.laurel.campaign;

import app.laurel.identity.Account;
import app.laurel.identity.AccountRepository;
import app.laurel.identity.Roles;
import app.laurel.identity.Unit;
import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.caller.CurrentCaller;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organiser's side of a campaign: setting it up (phases, offices and their reviewers, units, tasks, import of a
 * task list), deadline extensions for a unit, and the progress matrix. Every change is audited; a refusal changes
 * nothing (the transaction rolls back).
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class CampaignService {

    /** An import file larger than this is no task list. */
    public static final int MAX_IMPORT_BYTES = 2 * 1024 * 1024;

    @Inject
    private CampaignRepository campaigns;

    @Inject
    private AccountRepository accounts;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private CurrentCaller caller;

    public Campaign create(NewCampaign request) {
        List<FieldError> errors = request.validate();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (campaigns.exists(request.code())) {
            throw InvalidInputException.of("code", "campaign.code.taken", request.code());
        }
        Campaign campaign = new Campaign(request.code(), request.title(), request.documentNo(), false, clock.instant());
        campaigns.add(campaign);
        audit.record(caller.name(), "CAMPAIGN_CREATED", "campaign:" + campaign.getCode(), campaign.getTitle());
        return campaign;
    }

    public List<Campaign> list() {
        return campaigns.all();
    }

    public Campaign campaign(String code) {
        return campaigns.byCode(code);
    }

    public Campaign addPhase(String code, String name, LocalDate startsOn, LocalDate endsOn) {
        Campaign campaign = campaigns.byCode(code);
        String cleaned = name == null ? "" : name.strip();
        List<FieldError> errors = new ArrayList<>();
        if (cleaned.isEmpty() || cleaned.length() > 100) {
            errors.add(new FieldError("name", "validation.length", 1, 100));
        }
        if (startsOn == null) {
            errors.add(new FieldError("startsOn", "validation.required"));
        }
        if (endsOn == null) {
            errors.add(new FieldError("endsOn", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        campaign.addPhase(cleaned, startsOn, endsOn);
        audit.record(caller.name(), "CAMPAIGN_PHASE_ADDED", "campaign:" + code, cleaned + " " + startsOn + "~" + endsOn);
        return campaign;
    }

    public Office addOffice(String code, String name) {
        Campaign campaign = campaigns.byCode(code);
        String cleaned = name == null ? "" : name.strip();
        if (cleaned.isEmpty() || cleaned.length() > Office.MAX_NAME) {
            throw InvalidInputException.of("name", "validation.length", 1, Office.MAX_NAME);
        }
        Office office = campaign.addOffice(cleaned);
        campaigns.add(office);
        audit.record(caller.name(), "CAMPAIGN_OFFICE_ADDED", "campaign:" + code, cleaned);
        return office;
    }

    /** Ties a REVIEWER account to an office of the campaign, so that it reviews that office's tasks. */
    public Office addReviewer(String code, Long officeId, String username) {
        Campaign campaign = campaigns.byCode(code);
        if (officeId == null) {
            throw InvalidInputException.of("reviewerOffice", "validation.required");
        }
        Office office = campaign.getOffices().stream().filter(o -> officeId.equals(o.getId())).findFirst()
                .orElseThrow(() -> LaurelException.notFound("campaign.office.notFound"));
        Account account = accounts.byUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> InvalidInputException.of("username", "campaign.office.unknownAccount", username));
        office.addReviewer(account);
        audit.record(caller.name(), "CAMPAIGN_REVIEWER_ADDED", "campaign:" + code, office.getName() + " " + account.getUsername());
        return office;
    }

    /** Enrols an existing unit (created with its administrator's account) in the campaign. */
    public Campaign enrolUnit(String code, String unitName) {
        Campaign campaign = campaigns.byCode(code);
        Unit unit = accounts.unitByName(unitName == null ? "" : unitName.strip())
                .orElseThrow(() -> InvalidInputException.of("unitName", "campaign.unit.unknown", unitName));
        campaign.enrol(unit);
        audit.record(caller.name(), "CAMPAIGN_UNIT_ENROLLED", "campaign:" + code, unit.getName());
        return campaign;
    }

    /** Adds one task as the page or the API typed it; every problem with it is refused at once. */
    public CampaignTask addTask(String code, NewTask request) {
        Campaign campaign = campaigns.byCode(code);
        List<FieldError> errors = new ArrayList<>();
        TaskDraft draft = request.draft(errors);
        List<Office> responsible = new ArrayList<>();
        for (String name : draft.officeNames()) {
            campaign.office(name).ifPresentOrElse(responsible::add,
                    () -> errors.add(new FieldError("offices", "campaign.task.unknownOffice", name)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CampaignTask task = campaign.addTask(draft, responsible);
        campaigns.add(task);
        audit.record(caller.name(), "CAMPAIGN_TASK_ADDED", "campaign:" + code, task.getSeq() + " " + abbreviate(task.getText()));
        return task;
    }

    /**
     * Appends the tasks of an .xlsx or .csv file (layout in {@link TaskImport}). One bad row and nothing is imported:
     * the refusal lists every bad row with its number.
     */
    public List<CampaignTask> importTasks(String code, String fileName, byte[] content) {
        Campaign campaign = campaigns.byCode(code);
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "validation.required");
        }
        if (content.length > MAX_IMPORT_BYTES) {
            throw InvalidInputException.of("file", "campaign.import.tooLarge", MAX_IMPORT_BYTES / 1024);
        }
        Set<String> offices = campaign.getOffices().stream().map(Office::getName).collect(Collectors.toSet());
        TaskImport.Result result = TaskImport.read(fileName, content, offices);
        if (!result.errors().isEmpty()) {
            throw new InvalidInputException(result.errors());
        }
        List<CampaignTask> added = new ArrayList<>();
        for (TaskDraft draft : result.drafts()) {
            List<Office> responsible = draft.officeNames().stream().map(n -> campaign.office(n).orElseThrow()).toList();
            CampaignTask task = campaign.addTask(draft, responsible);
            campaigns.add(task);
            added.add(task);
        }
        audit.record(caller.name(), "CAMPAIGN_TASKS_IMPORTED", "campaign:" + code, added.size() + " tasks from " + fileName);
        return added;
    }

    /** Lets one unit report after the tasks' due times, until {@code until}; the reason is audited. */
    public CampaignUnit extendDeadline(String code, Long unitId, Instant until, String reason) {
        Campaign campaign = campaigns.byCode(code);
        if (unitId == null) {
            throw InvalidInputException.of("unitId", "validation.required");
        }
        CampaignUnit participation = campaign.getUnits().stream().filter(u -> unitId.equals(u.getUnit().getId())).findFirst()
                .orElseThrow(() -> LaurelException.notFound("campaign.unit.notEnrolled"));
        if (until == null || !until.isAfter(clock.instant())) {
            throw InvalidInputException.of("until", "campaign.extension.past");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw InvalidInputException.of("reason", "validation.length", 1, 500);
        }
        String before = AuditTrail.shown(participation.getExtendedUntil());
        participation.extendUntil(until);
        audit.record(caller.name(), "CAMPAIGN_DEADLINE_EXTENDED", "campaign:" + code + " unit:" + unitId, until + " " + why,
                before, AuditTrail.shown(until));
        return participation;
    }

    /** The plans (方案) and summaries (总结) the units sent, by unit id, for the organiser to open from the matrix. */
    public java.util.Map<Long, List<CampaignDocument>> documents(String code) {
        java.util.Map<Long, List<CampaignDocument>> byUnit = new java.util.HashMap<>();
        campaigns.documents(campaigns.byCode(code))
                .forEach(d -> byUnit.computeIfAbsent(d.getUnit().getId(), k -> new java.util.ArrayList<>()).add(d));
        return byUnit;
    }

    public ProgressMatrix matrix(String code, Long officeId, CellStatus status) {
        Campaign campaign = campaigns.byCode(code);
        return ProgressMatrix.build(campaign, campaigns.reports(campaign), clock.instant(), officeId, status);
    }

    /** What the one-page PDF summary of a unit says. */
    public UnitSummary unitSummary(String code, long unitId) {
        Campaign campaign = campaigns.byCode(code);
        CampaignUnit participation = campaign.getUnits().stream().filter(u -> u.getUnit().getId() == unitId).findFirst()
                .orElseThrow(() -> LaurelException.notFound("campaign.unit.notEnrolled"));
        ProgressMatrix matrix = ProgressMatrix.build(campaign, campaigns.reports(campaign), clock.instant(), null, null);
        ProgressMatrix.Line line = matrix.lines().stream().filter(l -> l.unitId() == unitId).findFirst().orElseThrow();
        List<DocumentKind> documents = campaigns.documents(campaign, participation.getUnit()).stream()
                .map(CampaignDocument::getKind).distinct().toList();
        return new UnitSummary(campaign.getTitle(), campaign.getDocumentNo(), participation.getUnit().getName(),
                matrix.columns(), line, documents, clock.instant());
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
