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

import java.time.Instant;

/** One dated stage of a contest. Open from {@code startsAt} (inclusive) until {@code endsAt} (exclusive), by the server's clock. */
@Entity
@Table(name = "contest_phase")
public class Phase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "contest_id")
    private Contest contest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PhaseKind kind;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    protected Phase() {
    }

    Phase(Contest contest, PhaseKind kind, Instant startsAt, Instant endsAt) {
        this.contest = contest;
        this.kind = kind;
        reschedule(startsAt, endsAt);
    }

    void reschedule(Instant startsAt, Instant endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a phase must end after it starts");
        }
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }


    public PhaseStatus statusAt(Instant now) {
        if (now.isBefore(startsAt)) {
            return PhaseStatus.UPCOMING;
        }
        return now.isBefore(endsAt) ? PhaseStatus.OPEN : PhaseStatus.CLOSED;
    }

    public PhaseKind getKind() {
        return kind;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }
}
