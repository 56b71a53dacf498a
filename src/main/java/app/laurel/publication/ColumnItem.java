package app.laurel.publication;

import app.laurel.contest.Contest;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.storage.FileKind;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryFile;
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
import java.util.List;

/**
 * An entry published in its contest's public column (专栏). Only an entry whose author consented to public
 * display at submission, and which passed screening or won, can be published; the rules are checked here when
 * the item is made, and the public queries check them again, so an entry disqualified later drops out by itself.
 * <p>
 * The view count is never written from Java: readers bump it with one atomic SQL update each
 * ({@link ColumnService#read}), which an entity write could otherwise overwrite with a stale value.
 */
@Entity
@Table(name = "column_item")
@NamedQuery(name = "ColumnItem.byContest", query = "select c from ColumnItem c where c.contest = :contest")
@NamedQuery(name = "ColumnItem.byEntry", query = "select c from ColumnItem c where c.contest = :contest and c.entry = :entry")
public class ColumnItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contest_id")
    private Contest contest;

    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_id")
    private Entry entry;

    @Column(name = "show_author", nullable = false)
    private boolean showAuthor;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "published_by", nullable = false, length = 32)
    private String publishedBy;

    @Column(name = "view_count", insertable = false, updatable = false)
    private long viewCount;

    protected ColumnItem() {
    }

    private ColumnItem(Contest contest, Entry entry, boolean showAuthor, String publishedBy, Instant now) {
        this.contest = contest;
        this.entry = entry;
        this.showAuthor = showAuthor;
        this.publishedBy = publishedBy;
        this.publishedAt = now;
    }

    /**
     * Publishes an entry of this contest, refusing one of another contest (400), one whose author did not consent
     * to public display (409) and one not accepted or selected (409). Whether it is already published is the
     * service's to check, since that needs the other items.
     */
    public static ColumnItem publish(Contest contest, Entry entry, boolean showAuthor, String by, Instant now) {
        if (!sameContest(entry.getContest(), contest)) {
            throw InvalidInputException.of("entryId", "column.otherContest");
        }
        if (!entry.isDisplayConsent()) {
            throw LaurelException.conflict("column.noConsent");
        }
        if (!entry.getStatus().isPublishable()) {
            throw LaurelException.conflict("column.notPublishable");
        }
        return new ColumnItem(contest, entry, showAuthor, by, now);
    }

    private static boolean sameContest(Contest a, Contest b) {
        return a == b || a.getId() != null && a.getId().equals(b.getId());
    }

    /**
     * The entry's files the public may see: its images, videos and poster, each only if it really is a picture or
     * a video. Never an attachment, whose own text or metadata may name the author.
     */
    public List<EntryFile> publicFiles() {
        return entry.getFiles().stream().filter(f -> switch (f.getRole()) {
            case IMAGE, POSTER -> f.getFile().kind() == FileKind.IMAGE;
            case VIDEO -> f.getFile().kind() == FileKind.VIDEO;
            case ATTACHMENT -> false;
        }).toList();
    }

    /** Whether the public may read it now: the entry must still be publishable and its author still consenting. */
    public boolean isVisible() {
        return entry.isDisplayConsent() && entry.getStatus().isPublishable();
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

    public boolean isShowAuthor() {
        return showAuthor;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public long getViewCount() {
        return viewCount;
    }
}
