package app.laurel.judging;

import app.laurel.identity.Account;
import app.laurel.submission.Entry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A conflict of interest (回避) recorded for a round: declared by the judge or added by an organiser. The judge
 * never holds a scorecard for the entry, so never sees it. Conflicts through the judge's own unit are not stored:
 * they follow from the accounts and are worked out at every assignment.
 */
@Entity
@Table(name = "conflict")
// As values, not entities: a round of 40,000 entries records hundreds of conflicts, and the round page lists them
// with the entry's title and the judge's name (ConflictLine).
@NamedQuery(name = "Conflict.linesOfRound", query = "select new app.laurel.judging.ConflictLine(e.title, j.username,"
        + " c.reason, c.declaredBy, c.createdAt) from Conflict c join c.entry e join c.judge j where c.round = :round"
        + " order by c.createdAt, c.id")
public class Conflict {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "round_id")
    private Round round;

    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_id")
    private Entry entry;

    @ManyToOne(optional = false)
    @JoinColumn(name = "judge_id")
    private Account judge;

    @Column(length = 200)
    private String reason;

    @Column(name = "declared_by", nullable = false, length = 32)
    private String declaredBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Conflict() {
    }

    Conflict(Round round, Entry entry, Account judge, String reason, String declaredBy, Instant now) {
        this.round = round;
        this.entry = entry;
        this.judge = judge;
        this.reason = reason;
        this.declaredBy = declaredBy;
        this.createdAt = now;
    }

    public Entry getEntry() {
        return entry;
    }

    public Account getJudge() {
        return judge;
    }

    public String getReason() {
        return reason;
    }

    public String getDeclaredBy() {
        return declaredBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
