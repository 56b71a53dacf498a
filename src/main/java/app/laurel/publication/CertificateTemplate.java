package app.laurel.publication;

import app.laurel.contest.Contest;
import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.storage.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A contest's honour certificate (荣誉证书): title, body with placeholders ({name}, {work}, {award}, {issuer},
 * {date}), the award named on it, the issuer, the date of issue and an optional seal image (a PNG the organiser
 * uploaded). Certificates copy what they need from it when issued, so a later edit changes only new ones.
 */
@Entity
@Table(name = "certificate_template")
public class CertificateTemplate {

    @Id
    @Column(name = "contest_id")
    private Long contestId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "contest_id")
    private Contest contest;

    @Column(nullable = false, length = 30)
    private String title;

    @Column(nullable = false, length = 1000)
    private String body;

    @Column(nullable = false, length = 100)
    private String award;

    @Column(nullable = false, length = 100)
    private String issuer;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @ManyToOne
    @JoinColumn(name = "seal_file_id")
    private StoredFile seal;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CertificateTemplate() {
    }

    CertificateTemplate(Contest contest) {
        this.contest = contest;
    }

    void update(String title, String body, String award, String issuer, LocalDate issuedOn, StoredFile seal, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank() || title.strip().length() > 30) {
            errors.add(new FieldError("title", "validation.length", 1, 30));
        }
        if (body == null || body.isBlank() || body.strip().length() > 1000) {
            errors.add(new FieldError("body", "validation.length", 1, 1000));
        } else if (!body.contains("{name}")) {
            errors.add(new FieldError("body", "certificate.bodyNeedsName"));
        }
        if (award == null || award.isBlank() || award.strip().length() > 100) {
            errors.add(new FieldError("award", "validation.length", 1, 100));
        }
        if (issuer == null || issuer.isBlank() || issuer.strip().length() > 100) {
            errors.add(new FieldError("issuer", "validation.length", 1, 100));
        }
        if (issuedOn == null) {
            errors.add(new FieldError("issuedOn", "validation.required"));
        }
        if (seal != null && !"image/png".equals(seal.getMediaType())) {
            errors.add(new FieldError("seal", "certificate.sealPng"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        this.title = title.strip();
        this.body = body.strip();
        this.award = award.strip();
        this.issuer = issuer.strip();
        this.issuedOn = issuedOn;
        this.seal = seal;
        this.updatedAt = now;
    }

    public Contest getContest() {
        return contest;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
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

    public StoredFile getSeal() {
        return seal;
    }
}
