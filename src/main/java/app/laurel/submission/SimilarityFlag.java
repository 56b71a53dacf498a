package app.laurel.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Two entries whose texts are near-duplicates, for the organiser to look at side by side during screening. The
 * score is the containment: the share of the shorter text's five-character runs found in the other.
 */
@Entity
@Table(name = "similarity_flag")
@NamedQuery(name = "SimilarityFlag.byContest", query = "select f from SimilarityFlag f where f.contestId = :contestId order by f.score desc, f.id")
@NamedQuery(name = "SimilarityFlag.ofEntry", query = "select f from SimilarityFlag f where f.entryA.id = :entryId or f.entryB.id = :entryId order by f.score desc, f.id")
@NamedQuery(name = "SimilarityFlag.deleteOfEntry", query = "delete from SimilarityFlag f where f.entryA.id = :entryId or f.entryB.id = :entryId")
@NamedQuery(name = "SimilarityFlag.deleteOfEntries", query = "delete from SimilarityFlag f where f.entryA.id in :entryIds or f.entryB.id in :entryIds")
public class SimilarityFlag {

    /** The containment from which two entries are flagged: 60 % of the shorter text's runs appear in the other. */
    public static final double THRESHOLD = 0.6;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contest_id", nullable = false)
    private Long contestId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_a_id")
    private Entry entryA;

    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_b_id")
    private Entry entryB;

    @Column(nullable = false, precision = 5, scale = 4)
    private BigDecimal score;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SimilarityFlag() {
    }

    SimilarityFlag(Entry later, Entry earlier, double score, Instant now) {
        this.contestId = later.getContest().getId();
        this.entryA = later;
        this.entryB = earlier;
        this.score = BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP);
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getContestId() {
        return contestId;
    }

    /** The entry whose check found the pair (the later submission, or the one submitted again). */
    public Entry getEntryA() {
        return entryA;
    }

    public Entry getEntryB() {
        return entryB;
    }

    public BigDecimal getScore() {
        return score;
    }
}
