package app.laurel.submission;

import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One submitted state of an entry (第 n 版): the first submission, a resubmission after 退回修改, or a correction
 * (修改) before the deadline. Written once, never changed, so the history shows what was submitted when, with each
 * file's SHA-256 as it was then. The entry itself always holds the latest version; screening and judging read that.
 */
@Entity
@Table(name = "entry_version")
@NamedQuery(name = "EntryVersion.ofEntry", query = "select v from EntryVersion v where v.entry = :entry order by v.number desc")
public class EntryVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "entry_id")
    private Entry entry;

    @Column(nullable = false)
    private int number;

    @Column(length = Entry.MAX_TITLE)
    private String title;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "body_html", columnDefinition = "MEDIUMTEXT")
    private String bodyHtml;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "entry_version_file", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "sort_order")
    private List<VersionFile> files = new ArrayList<>();

    protected EntryVersion() {
    }

    /** The entry as it stands now, as its version {@code number}. */
    EntryVersion(Entry entry, int number, Instant now) {
        this.entry = entry;
        this.number = number;
        this.title = entry.getTitle();
        this.bodyHtml = entry.getBodyHtml();
        this.submittedAt = now;
        for (EntryFile f : entry.getFiles()) {
            files.add(new VersionFile(f.getFile().getId(), f.getRole(), f.getFile().getOriginalName(),
                    f.getFile().getSizeBytes(), f.getFile().getSha256()));
        }
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public List<VersionFile> getFiles() {
        return List.copyOf(files);
    }
}
