package app.laurel.publication;

import app.laurel.platform.error.LaurelException;
import app.laurel.storage.StoredFile;
import app.laurel.submission.Entry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An objection (异议) to an entry on a public notice, in writing under a real name with a phone number, with
 * optional evidence. Only organisers see it. It is decided once: UPHELD (the entry is disqualified) or DISMISSED
 * (with the reply the objector is given), each with the investigation recorded.
 */
@Entity
@Table(name = "objection")
@NamedQuery(name = "Objection.byNotice", query = "select o from Objection o where o.notice = :notice order by o.createdAt")
public class Objection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id")
    private Notice notice;

    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_id")
    private Entry entry;

    @Column(name = "receipt_no", nullable = false, length = 24)
    private String receiptNo;

    @Column(name = "real_name", nullable = false, length = 50)
    private String realName;

    @Column(nullable = false, length = 20)
    private String phone;

    @Column(length = 200)
    private String contact;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String reasons;

    @Column(name = "client_ip", nullable = false, length = 45)
    private String clientIp;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ObjectionStatus status = ObjectionStatus.RECEIVED;

    @Column(columnDefinition = "TEXT")
    private String investigation;

    @Column(columnDefinition = "TEXT")
    private String reply;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = 32)
    private String decidedBy;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "objection_file", joinColumns = @JoinColumn(name = "objection_id"),
            inverseJoinColumns = @JoinColumn(name = "file_id"))
    private List<StoredFile> evidence = new ArrayList<>();

    @Version
    private long version;

    protected Objection() {
    }

    Objection(Notice notice, Entry entry, String receiptNo, ObjectionForm form, String clientIp, List<StoredFile> evidence,
              Instant now) {
        this.notice = notice;
        this.entry = entry;
        this.receiptNo = receiptNo;
        this.realName = form.realName().strip();
        this.phone = form.phone().strip();
        this.contact = form.contact() == null || form.contact().isBlank() ? null : form.contact().strip();
        this.reasons = form.reasons().strip();
        this.clientIp = clientIp;
        this.evidence.addAll(evidence);
        this.createdAt = now;
    }

    void decide(ObjectionStatus outcome, String investigation, String reply, String by, Instant now) {
        if (status != ObjectionStatus.RECEIVED) {
            throw LaurelException.conflict("objection.decided");
        }
        this.status = outcome;
        this.investigation = investigation;
        this.reply = reply;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Notice getNotice() {
        return notice;
    }

    public Entry getEntry() {
        return entry;
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public String getRealName() {
        return realName;
    }

    public String getPhone() {
        return phone;
    }

    public String getContact() {
        return contact;
    }

    public String getReasons() {
        return reasons;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public ObjectionStatus getStatus() {
        return status;
    }

    public String getInvestigation() {
        return investigation;
    }

    public String getReply() {
        return reply;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public List<StoredFile> getEvidence() {
        return List.copyOf(evidence);
    }
}
