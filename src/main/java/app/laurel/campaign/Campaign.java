package app.laurel.campaign;

import app.laurel.identity.Unit;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A task campaign (专项行动) such as seed 000's: its title and document number (文号), dated phases, the offices
 * that review, the units that report, and the checklist. It guards its own set-up: office names are unique, a
 * unit takes part once, tasks are numbered in order.
 */
@Entity
@Table(name = "campaign")
@NamedQuery(name = "Campaign.byCode", query = "select c from Campaign c where c.code = :code")
@NamedQuery(name = "Campaign.all", query = "select c from Campaign c order by c.createdAt desc")
public class Campaign {

    public static final String CODE_PATTERN = "[A-Za-z0-9_-]{2,20}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String code;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "document_no", length = 100)
    private String documentNo;

    @Column(nullable = false)
    private boolean sample;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "campaign", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<CampaignPhase> phases = new ArrayList<>();

    @OneToMany(mappedBy = "campaign", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<Office> offices = new ArrayList<>();

    @OneToMany(mappedBy = "campaign", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<CampaignUnit> units = new ArrayList<>();

    @OneToMany(mappedBy = "campaign", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<CampaignTask> tasks = new ArrayList<>();

    @Version
    private long version;

    protected Campaign() {
    }

    public Campaign(String code, String title, String documentNo, boolean sample, Instant createdAt) {
        this.code = code;
        this.title = title;
        this.documentNo = documentNo;
        this.sample = sample;
        this.createdAt = createdAt;
    }

    public CampaignPhase addPhase(String name, LocalDate startsOn, LocalDate endsOn) {
        if (endsOn.isBefore(startsOn)) {
            throw InvalidInputException.of("endsOn", "campaign.phase.endsBeforeStart");
        }
        CampaignPhase phase = new CampaignPhase(this, phases.size() + 1, name, startsOn, endsOn);
        phases.add(phase);
        return phase;
    }

    public Office addOffice(String name) {
        if (office(name).isPresent()) {
            throw InvalidInputException.of("name", "campaign.office.duplicate", name);
        }
        Office office = new Office(this, name, offices.size() + 1);
        offices.add(office);
        return office;
    }

    public CampaignUnit enrol(Unit unit) {
        if (participation(unit).isPresent()) {
            throw LaurelException.conflict("campaign.unit.duplicate", unit.getName());
        }
        CampaignUnit participation = new CampaignUnit(this, unit);
        units.add(participation);
        return participation;
    }

    /** Appends a task after the last one; {@link TaskDraft} has already been checked. */
    public CampaignTask addTask(TaskDraft draft, List<Office> responsible) {
        int next = tasks.stream().mapToInt(CampaignTask::getSeq).max().orElse(0) + 1;
        CampaignTask task = new CampaignTask(this, next, draft, responsible);
        tasks.add(task);
        return task;
    }

    public Optional<Office> office(String name) {
        return offices.stream().filter(o -> o.getName().equals(name)).findFirst();
    }

    public Optional<CampaignUnit> participation(Unit unit) {
        return units.stream().filter(u -> u.getUnit() == unit || u.getUnit().getId() != null
                && u.getUnit().getId().equals(unit.getId())).findFirst();
    }

    public Optional<CampaignTask> task(long taskId) {
        return tasks.stream().filter(t -> t.getId() == taskId).findFirst();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public String getDocumentNo() {
        return documentNo;
    }

    public boolean isSample() {
        return sample;
    }

    public List<CampaignPhase> getPhases() {
        return List.copyOf(phases);
    }

    public List<Office> getOffices() {
        return List.copyOf(offices);
    }

    public List<CampaignUnit> getUnits() {
        return List.copyOf(units);
    }

    public List<CampaignTask> getTasks() {
        return List.copyOf(tasks);
    }
}
