package app.laurel.campaign;

import app.laurel.identity.Unit;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.storage.StoredFile;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit's report on one task: its current state, and the history of every submission and decision as
 * {@link TaskReportEvent} rows. Guarded: an accepted report is final; only a waiting report can be decided on.
 */
@Entity
@Table(name = "task_report")
@NamedQuery(name = "TaskReport.byCampaign", query = "select r from TaskReport r where r.task.campaign = :campaign")
@NamedQuery(name = "TaskReport.byTaskAndUnit", query = "select r from TaskReport r where r.task = :task and r.unit = :unit")
public class TaskReport {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "task_id")
    private CampaignTask task;

    @ManyToOne(optional = false)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportStatus status;

    @Column(length = MAX_TEXT)
    private String text;

    @Column(precision = 14, scale = 2)
    private BigDecimal value;

    @Column(name = "below_target", nullable = false)
    private boolean belowTarget;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(length = MAX_REASON)
    private String reason;

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<TaskReportEvent> events = new ArrayList<>();

    @Version
    private long version;

    protected TaskReport() {
    }

    public TaskReport(CampaignTask task, Unit unit) {
        this.task = task;
        this.unit = unit;
    }

    /**
     * Submits (or, after a return, resubmits) the report. The value must be given where the task has a target and
     * is flagged when it misses it; there must be some evidence or text to review.
     */
    public void submit(String text, BigDecimal value, List<StoredFile> files, String actor, Instant now) {
        if (status == ReportStatus.ACCEPTED) {
            throw LaurelException.conflict("campaign.report.alreadyAccepted");
        }
        String cleaned = text == null ? "" : text.strip();
        if (cleaned.length() > MAX_TEXT) {
            throw InvalidInputException.of("text", "validation.length", 0, MAX_TEXT);
        }
        if (task.isNumeric() && value == null) {
            throw InvalidInputException.of("value", "campaign.report.valueRequired", task.getTargetLabel());
        }
        if (cleaned.isEmpty() && files.isEmpty()) {
            throw InvalidInputException.of("evidence", "campaign.report.empty");
        }
        this.text = cleaned;
        this.value = task.isNumeric() ? value : null;
        this.belowTarget = task.target().map(t -> !t.isMetBy(value)).orElse(false);
        this.status = ReportStatus.SUBMITTED;
        this.submittedAt = now;
        this.decidedAt = null;
        this.reason = null;
        events.add(TaskReportEvent.submission(this, cleaned, this.value, files, actor, now));
    }

    public long getVersion() {
        return version;
    }

    public void accept(String actor, Instant now) {
        requireWaiting();
        status = ReportStatus.ACCEPTED;
        decidedAt = now;
        reason = null;
        events.add(TaskReportEvent.decision(this, EventKind.ACCEPTED, null, actor, now));
    }

    public void returnForCorrection(String why, String actor, Instant now) {
        requireWaiting();
        String cleaned = why == null ? "" : why.strip();
        if (cleaned.isEmpty()) {
            // The unit must know what to correct: a return without a reason is refused in those words.
            throw InvalidInputException.of("reason", "campaign.review.reasonRequired");
        }
        if (cleaned.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "validation.length", 1, MAX_REASON);
        }
        status = ReportStatus.RETURNED;
        decidedAt = now;
        reason = cleaned;
        events.add(TaskReportEvent.decision(this, EventKind.RETURNED, cleaned, actor, now));
    }

    private void requireWaiting() {
        if (status != ReportStatus.SUBMITTED) {
            throw LaurelException.conflict("campaign.report.notWaiting");
        }
    }

    /** The evidence of the latest submission: what the office decides on. */
    public List<StoredFile> currentFiles() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).getKind() == EventKind.SUBMITTED) {
                return events.get(i).getFiles();
            }
        }
        return List.of();
    }

    public Long getId() {
        return id;
    }

    public CampaignTask getTask() {
        return task;
    }

    public Unit getUnit() {
        return unit;
    }

    public ReportStatus getStatus() {
        return status;
    }

    public String getText() {
        return text;
    }

    public BigDecimal getValue() {
        return value;
    }

    public boolean isBelowTarget() {
        return belowTarget;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }

    public List<TaskReportEvent> getEvents() {
        return List.copyOf(events);
    }
}
