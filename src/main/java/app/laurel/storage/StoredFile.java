package app.laurel.storage;

import app.laurel.identity.Account;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A file that passed the checks and lies in storage under a generated name. What Tika found (type, duration,
 * dimensions, text) is kept here; the name the uploader gave is metadata, never a path and never shown to judges.
 */
@Entity
@Table(name = "stored_file")
public class StoredFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "stored_name", nullable = false, length = 64)
    private String storedName;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Column(name = "media_type", nullable = false, length = 100)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "duration_millis")
    private Long durationMillis;

    private Integer width;

    private Integer height;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "extracted_text", columnDefinition = "MEDIUMTEXT")
    private String extractedText;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private Account owner;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Null for a file stored before uploads were checked, until someone opens it ({@link FileHealth}). */
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Readability readability;

    /** Whether a judges' copy could be made of the file: the upload check, or a later look at an older file. */
    public enum Readability { READABLE, DAMAGED }

    protected StoredFile() {
    }

    StoredFile(String storedName, String originalName, Inspection inspection, Account owner, Instant createdAt) {
        this.storedName = storedName;
        this.originalName = originalName;
        this.mediaType = inspection.mediaType();
        this.sizeBytes = inspection.sizeBytes();
        this.sha256 = inspection.sha256();
        this.durationMillis = inspection.durationMillis();
        this.width = inspection.width();
        this.height = inspection.height();
        this.extractedText = inspection.text();
        this.owner = owner;
        this.createdAt = createdAt;
        // Stored only after the upload's checks, which refuse what cannot be read or made blind.
        this.readability = Readability.READABLE;
    }

    /** True when the file is known to be damaged: judges cannot read it and the organiser must ask for another. */
    public boolean isDamaged() {
        return readability == Readability.DAMAGED;
    }

    boolean isChecked() {
        return readability != null;
    }

    void recordCheck(boolean readable) {
        this.readability = readable ? Readability.READABLE : Readability.DAMAGED;
    }

    public Long getId() {
        return id;
    }

    public String getStoredName() {
        return storedName;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getMediaType() {
        return mediaType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Long getDurationMillis() {
        return durationMillis;
    }

    public Integer getWidth() {
        return width;
    }

    public Integer getHeight() {
        return height;
    }

    public String getExtractedText() {
        return extractedText;
    }

    public Account getOwner() {
        return owner;
    }

    public FileKind kind() {
        return FileKind.of(mediaType);
    }
}
