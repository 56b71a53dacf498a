package app.laurel.publication;

import app.laurel.contest.Contest;
import app.laurel.platform.error.LaurelException;
import app.laurel.submission.Entry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued honour certificate: who holds it, for which work and award, from whom and when, under a serial
 * number that cannot be guessed, VALID until revoked (audited). The public verification page shows exactly this.
 * Title, text and seal are copied from the template when issued, so its PDF never changes afterwards.
 */
@Entity
@Table(name = "certificate")
@NamedQuery(name = "Certificate.bySerial", query = "select c from Certificate c where c.serial = :serial")
@NamedQuery(name = "Certificate.byContest", query = "select c from Certificate c where c.contest = :contest order by c.id")
public class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contest_id")
    private Contest contest;

    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_id")
    private Entry entry;

    @Column(nullable = false, length = 32)
    private String serial;

    @Column(nullable = false, length = 100)
    private String holder;

    @Column(nullable = false, length = 200)
    private String work;

    @Column(nullable = false, length = 100)
    private String award;

    @Column(nullable = false, length = 100)
    private String issuer;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(nullable = false, length = 30)
    private String title;

    @Column(nullable = false, length = 1000)
    private String body;

    @ManyToOne
    @JoinColumn(name = "seal_file_id")
    private app.laurel.storage.StoredFile seal;

    /** VALID or REVOKED. */
    @Column(nullable = false, length = 8)
    private String status = "VALID";

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 300)
    private String revokedReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Certificate() {
    }

    Certificate(Contest contest, Entry entry, String serial, String holder, CertificateTemplate template, Instant now) {
        this.contest = contest;
        this.entry = entry;
        this.serial = serial;
        this.holder = holder;
        this.work = entry.getTitle();
        this.award = template.getAward();
        this.issuer = template.getIssuer();
        this.issuedOn = template.getIssuedOn();
        this.title = template.getTitle();
        this.body = template.getBody();
        this.seal = template.getSeal();
        this.createdAt = now;
    }

    void revoke(String reason, Instant now) {
        if (!isValid()) {
            throw LaurelException.conflict("certificate.revoked");
        }
        status = "REVOKED";
        revokedReason = reason;
        revokedAt = now;
    }

    public boolean isValid() {
        return "VALID".equals(status);
    }

    public Long getId() {
        return id;
    }

    public Contest getContest() {
        return contest;
    }

    public Entry getEntry() {
        return entry;
    }

    public String getSerial() {
        return serial;
    }

    public String getHolder() {
        return holder;
    }

    public String getWork() {
        return work;
    }

    public String getAward() {
        return award;
    }

    public String getIssuer() {
        return issuer;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public String getTitle() {
        return title;
    }

    /** The template text as it was when issued, placeholders not yet filled. */
    public String getBody() {
        return body;
    }

    public app.laurel.storage.StoredFile getSeal() {
        return seal;
    }

    public String getStatus() {
        return status;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedReason() {
        return revokedReason;
    }
}
