package app.laurel.campaign;

import app.laurel.storage.StoredFile;
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

/** One row of a report's history: a submission with its text, value and evidence, or an office's decision. Never changed. */
@Entity
@Table(name = "task_report_event")
public class TaskReportEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "report_id")
    private TaskReport report;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EventKind kind;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 32)
    private String actor;

    @Column(length = TaskReport.MAX_TEXT)
    private String text;

    @Column(precision = 14, scale = 2)
    private BigDecimal value;

    @Column(length = TaskReport.MAX_REASON)
    private String reason;

    @ManyToMany
    @JoinTable(name = "task_report_event_file", joinColumns = @JoinColumn(name = "event_id"),
            inverseJoinColumns = @JoinColumn(name = "file_id"))
    @OrderBy("id")
    private List<StoredFile> files = new ArrayList<>();

    protected TaskReportEvent() {
    }

    static TaskReportEvent submission(TaskReport report, String text, BigDecimal value, List<StoredFile> files,
                                      String actor, Instant now) {
        TaskReportEvent event = new TaskReportEvent();
        event.report = report;
        event.kind = EventKind.SUBMITTED;
        event.text = text;
        event.value = value;
        event.files = new ArrayList<>(files);
        event.actor = actor;
        event.occurredAt = now;
        return event;
    }

    static TaskReportEvent decision(TaskReport report, EventKind kind, String reason, String actor, Instant now) {
        TaskReportEvent event = new TaskReportEvent();
        event.report = report;
        event.kind = kind;
        event.reason = reason;
        event.actor = actor;
        event.occurredAt = now;
        return event;
    }

    public Long getId() {
        return id;
    }

    public EventKind getKind() {
        return kind;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getText() {
        return text;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getReason() {
        return reason;
    }

    public List<StoredFile> getFiles() {
        return List.copyOf(files);
    }
}
