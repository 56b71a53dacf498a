package app.laurel.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One task of a campaign's checklist (任务清单): what to do, what is checked (考核内容), which offices review it, an
 * optional numeric target and the due time.
 */
@Entity
@Table(name = "campaign_task")
public class CampaignTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;

    @Column(nullable = false)
    private int seq;

    @Column(nullable = false, length = TaskDraft.MAX_TEXT)
    private String text;

    @Column(name = "evidence_required", nullable = false, length = TaskDraft.MAX_EVIDENCE)
    private String evidenceRequired;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_comparison", length = 10)
    private Comparison targetComparison;

    @Column(name = "target_value", precision = 14, scale = 2)
    private BigDecimal targetValue;

    @Column(name = "target_unit", length = 20)
    private String targetUnit;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @ManyToMany
    @JoinTable(name = "campaign_task_office", joinColumns = @JoinColumn(name = "task_id"),
            inverseJoinColumns = @JoinColumn(name = "office_id"))
    @OrderBy("sortOrder")
    private List<Office> offices = new ArrayList<>();

    protected CampaignTask() {
    }

    CampaignTask(Campaign campaign, int seq, TaskDraft draft, List<Office> responsible) {
        this.campaign = campaign;
        this.seq = seq;
        this.text = draft.text();
        this.evidenceRequired = draft.evidenceRequired();
        if (draft.target() != null) {
            this.targetComparison = draft.target().comparison();
            this.targetValue = draft.target().value();
            this.targetUnit = draft.target().unit();
        }
        this.dueAt = draft.due();
        this.offices = new ArrayList<>(responsible);
    }

    public Optional<Target> target() {
        return targetComparison == null ? Optional.empty() : Optional.of(new Target(targetComparison, targetValue, targetUnit));
    }

    /** For pages: "≥ 4 条", or empty. */
    public String getTargetLabel() {
        return target().map(Target::label).orElse("");
    }

    public boolean isNumeric() {
        return targetComparison != null;
    }

    public boolean isReviewedBy(String username) {
        return offices.stream().anyMatch(o -> o.hasReviewer(username));
    }

    public boolean isOfOffice(long officeId) {
        return offices.stream().anyMatch(o -> o.getId() == officeId);
    }

    public Long getId() {
        return id;
    }

    public Campaign getCampaign() {
        return campaign;
    }

    public int getSeq() {
        return seq;
    }

    public String getText() {
        return text;
    }

    public String getEvidenceRequired() {
        return evidenceRequired;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public List<Office> getOffices() {
        return List.copyOf(offices);
    }

    public String getOfficeNames() {
        return String.join("、", offices.stream().map(Office::getName).toList());
    }
}
