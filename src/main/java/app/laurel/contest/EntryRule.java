package app.laurel.contest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * What one entry type must look like in one contest. STORY: text length in characters, how many images, whether
 * a .docx/.pdf attachment is allowed. VIDEO: the largest file and, optionally, the duration window (the
 * 30-minute lesson is 25–35 minutes).
 */
@Entity
@Table(name = "contest_entry_rule")
public class EntryRule {

    /** 4 GiB: the default ceiling for one video. */
    public static final long DEFAULT_MAX_VIDEO_BYTES = 4L * 1024 * 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "contest_id")
    private Contest contest;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, length = 10)
    private EntryType entryType;

    @Column(name = "min_chars", nullable = false)
    private int minChars;

    @Column(name = "max_chars", nullable = false)
    private int maxChars;

    @Column(name = "max_images", nullable = false)
    private int maxImages;

    @Column(name = "attachment_allowed", nullable = false)
    private boolean attachmentAllowed;

    @Column(name = "max_video_bytes", nullable = false)
    private long maxVideoBytes;

    @Column(name = "min_seconds")
    private Integer minSeconds;

    @Column(name = "max_seconds")
    private Integer maxSeconds;

    protected EntryRule() {
    }

    private EntryRule(Contest contest, EntryType entryType) {
        this.contest = contest;
        this.entryType = entryType;
    }

    static EntryRule story(Contest contest, int minChars, int maxChars, int maxImages, boolean attachmentAllowed) {
        if (minChars < 0 || maxChars < minChars || maxImages < 0) {
            throw new IllegalArgumentException("story rule out of range");
        }
        EntryRule rule = new EntryRule(contest, EntryType.STORY);
        rule.minChars = minChars;
        rule.maxChars = maxChars;
        rule.maxImages = maxImages;
        rule.attachmentAllowed = attachmentAllowed;
        return rule;
    }

    static EntryRule video(Contest contest, long maxBytes, Integer minSeconds, Integer maxSeconds) {
        if (maxBytes <= 0 || (minSeconds != null && maxSeconds != null && maxSeconds < minSeconds)) {
            throw new IllegalArgumentException("video rule out of range");
        }
        EntryRule rule = new EntryRule(contest, EntryType.VIDEO);
        rule.maxVideoBytes = maxBytes;
        rule.minSeconds = minSeconds;
        rule.maxSeconds = maxSeconds;
        rule.maxImages = 1; // the optional poster
        return rule;
    }

    void copyFrom(EntryRule other) {
        this.minChars = other.minChars;
        this.maxChars = other.maxChars;
        this.maxImages = other.maxImages;
        this.attachmentAllowed = other.attachmentAllowed;
        this.maxVideoBytes = other.maxVideoBytes;
        this.minSeconds = other.minSeconds;
        this.maxSeconds = other.maxSeconds;
    }

    /** Whether a video of this many milliseconds meets the duration window (no window: any length). */
    public boolean acceptsDuration(long millis) {
        return (minSeconds == null || millis >= minSeconds * 1000L) && (maxSeconds == null || millis <= maxSeconds * 1000L);
    }

    public EntryType getEntryType() {
        return entryType;
    }

    public int getMinChars() {
        return minChars;
    }

    public int getMaxChars() {
        return maxChars;
    }

    public int getMaxImages() {
        return maxImages;
    }

    public boolean isAttachmentAllowed() {
        return attachmentAllowed;
    }

    public long getMaxVideoBytes() {
        return maxVideoBytes;
    }

    public Integer getMinSeconds() {
        return minSeconds;
    }

    public Integer getMaxSeconds() {
        return maxSeconds;
    }
}
