package app.laurel.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A file as it was in one version of an entry: its name and SHA-256 are copied, so the version proves its bytes. */
@Embeddable
public class VersionFile {

    @Column(name = "file_id", nullable = false)
    private long fileId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private FileRole role;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    protected VersionFile() {
    }

    VersionFile(long fileId, FileRole role, String originalName, long sizeBytes, String sha256) {
        this.fileId = fileId;
        this.role = role;
        this.originalName = originalName;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
    }

    public long getFileId() {
        return fileId;
    }

    public FileRole getRole() {
        return role;
    }

    public String getOriginalName() {
        return originalName;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }
}
