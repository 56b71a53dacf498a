package app.laurel.publication;

import app.laurel.submission.Entry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** One entry on a notice: its code and rank in the round, and whether it still stands or was disqualified. */
@Entity
@Table(name = "notice_entry")
public class NoticeEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "notice_id")
    private Notice notice;

    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_id")
    private Entry entry;

    @Column(nullable = false, length = 16)
    private String code;

    @Column(name = "round_rank", nullable = false)
    private int roundRank;

    /** LISTED or DISQUALIFIED. */
    @Column(nullable = false, length = 12)
    private String status = "LISTED";

    @Column(name = "promoted_at")
    private Instant promotedAt;

    protected NoticeEntry() {
    }

    NoticeEntry(Notice notice, Entry entry, String code, int roundRank, Instant promotedAt) {
        this.notice = notice;
        this.entry = entry;
        this.code = code;
        this.roundRank = roundRank;
        this.promotedAt = promotedAt;
    }

    void disqualify() {
        status = "DISQUALIFIED";
    }

    public boolean isListed() {
        return "LISTED".equals(status);
    }

    /** The name a notice prints: the author given with the entry, else the account that submitted it. */
    public String getAuthorName() {
        return entry.getCreditedName();
    }

    /** The unit a notice prints: the submitting unit, else the township, else the organisation the author gave. */
    public String getUnitName() {
        if (entry.getUnit() != null) {
            return entry.getUnit().getName();
        }
        if (entry.getTownship() != null) {
            return entry.getTownship().getName();
        }
        return entry.getAuthor() == null || entry.getAuthor().getOrganisation() == null ? "" : entry.getAuthor().getOrganisation();
    }

    public Long getId() {
        return id;
    }

    public Entry getEntry() {
        return entry;
    }

    public String getCode() {
        return code;
    }

    public int getRoundRank() {
        return roundRank;
    }

    public String getStatus() {
        return status;
    }

    public Instant getPromotedAt() {
        return promotedAt;
    }
}
