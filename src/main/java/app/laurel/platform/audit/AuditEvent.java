package app.laurel.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * One line of the audit trail: who did what to which thing, and when; the contest or campaign it belongs to, and for a
 * change the value before and after. Append-only: there is no setter and no query that updates or deletes, because a
 * notice that must survive an objection needs a history nobody can rewrite; the database refuses it too (V22's triggers).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 32)
    private String actor;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(length = 128)
    private String subject;

    @Column(length = 1000)
    private String detail;

    @Column(name = "contest_code", length = 20)
    private String contestCode;

    @Column(name = "before_value", length = 1000)
    private String beforeValue;

    @Column(name = "after_value", length = 1000)
    private String afterValue;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String action, String subject, String detail, String contestCode,
               String beforeValue, String afterValue) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.subject = subject;
        this.detail = clip(detail);
        this.contestCode = contestCode;
        this.beforeValue = clip(beforeValue);
        this.afterValue = clip(afterValue);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetail() {
        return detail;
    }

    public String getContestCode() {
        return contestCode;
    }

    public String getBeforeValue() {
        return beforeValue;
    }

    public String getAfterValue() {
        return afterValue;
    }
}
