package app.laurel.submission;

import app.laurel.storage.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/** A stored file attached to an entry in a role (image, attachment, video, poster). */
@Entity
@Table(name = "entry_file")
public class EntryFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /**
     * Lazy: nothing reads it back (the entry holds its files), and loading it eagerly re-read every entry of a list
     * one by one, so batch fetching the files saved nothing.
     */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "entry_id")
    private Entry entry;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @BatchFetch(value = BatchFetchType.IN, size = 500)
    @JoinColumn(name = "file_id")
    private StoredFile file;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private FileRole role;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected EntryFile() {
    }

    EntryFile(Entry entry, StoredFile file, FileRole role, int sortOrder) {
        this.entry = entry;
        this.file = file;
        this.role = role;
        this.sortOrder = sortOrder;
    }

    public StoredFile getFile() {
        return file;
    }

    public FileRole getRole() {
        return role;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
