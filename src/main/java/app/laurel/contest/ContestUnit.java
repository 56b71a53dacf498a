package app.laurel.contest;

import app.laurel.identity.Unit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.time.Instant;
import java.util.Optional;

/**
 * A unit taking part in a contest: its quota, and the date to which its submission deadline has been extended,
 * if an organiser did (audited by the service that does it).
 */
@Entity
@Table(name = "contest_unit")
public class ContestUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "contest_id")
    private Contest contest;

    // Batched: the screening page's quota board reads every enrolled unit, one statement each without it (240 for
    // the 120 units of a provincial contest, counted by the judging pages benchmark).
    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @BatchFetch(value = BatchFetchType.IN, size = 500)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Column(name = "min_entries", nullable = false)
    private int minEntries;

    @Column(name = "max_entries", nullable = false)
    private int maxEntries;

    @Column(name = "extended_until")
    private Instant extendedUntil;

    protected ContestUnit() {
    }

    ContestUnit(Contest contest, Unit unit, Quota quota) {
        this.contest = contest;
        this.unit = unit;
        setQuota(quota);
    }

    public final void setQuota(Quota quota) {
        this.minEntries = quota.min();
        this.maxEntries = quota.max();
    }

    public void extendDeadline(Instant until) {
        this.extendedUntil = until;
    }

    public Quota getQuota() {
        return new Quota(minEntries, maxEntries);
    }

    public Unit getUnit() {
        return unit;
    }

    public Optional<Instant> getExtendedUntil() {
        return Optional.ofNullable(extendedUntil);
    }
}
