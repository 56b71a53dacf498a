package app.laurel.campaign;

import app.laurel.identity.Unit;
import app.laurel.storage.StoredFile;
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
import jakarta.persistence.Table;

import java.time.Instant;

/** A unit's plan (方案) or summary (总结) for a campaign: a checked file; a newer one of the same kind supersedes it. */
@Entity
@Table(name = "campaign_document")
@NamedQuery(name = "CampaignDocument.ofUnit", query = """
        select d from CampaignDocument d where d.campaign = :campaign and d.unit = :unit order by d.uploadedAt desc, d.id desc""")
public class CampaignDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;

    @ManyToOne(optional = false)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DocumentKind kind;

    @ManyToOne(optional = false)
    @JoinColumn(name = "file_id")
    private StoredFile file;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, length = 32)
    private String uploadedBy;

    protected CampaignDocument() {
    }

    public CampaignDocument(Campaign campaign, Unit unit, DocumentKind kind, StoredFile file, String uploadedBy, Instant now) {
        this.campaign = campaign;
        this.unit = unit;
        this.kind = kind;
        this.file = file;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Unit getUnit() {
        return unit;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public StoredFile getFile() {
        return file;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
