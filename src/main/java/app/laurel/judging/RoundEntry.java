package app.laurel.judging;

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
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/** An entry taken into a round, under the neutral code judges know it by (R1-007). */
@Entity
@Table(name = "round_entry")
@NamedQuery(name = "RoundEntry.byRound", query = "select re from RoundEntry re where re.round = :round order by re.code")
public class RoundEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "round_id")
    private Round round;

    /** Batch fetched, as are the entry's files and owner: a round's list reads them in a few queries, not per row. */
    @ManyToOne(optional = false)
    @BatchFetch(value = BatchFetchType.IN, size = 500)
    @JoinColumn(name = "entry_id")
    private Entry entry;

    @Column(nullable = false, length = 16)
    private String code;

    protected RoundEntry() {
    }

    RoundEntry(Round round, Entry entry, int number) {
        this.round = round;
        this.entry = entry;
        this.code = "R" + round.getSequenceNo() + "-" + String.format("%03d", number);
    }

    public Long getId() {
        return id;
    }

    public Round getRound() {
        return round;
    }

    public Entry getEntry() {
        return entry;
    }

    public String getCode() {
        return code;
    }
}
