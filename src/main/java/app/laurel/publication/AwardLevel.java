package app.laurel.publication;

import app.laurel.contest.Contest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** An award level with its amount, e.g. 衡阳县最美禁毒故事 ¥1,000. Amounts are whole fen (cents) to stay exact. */
@Entity
@Table(name = "award_level")
public class AwardLevel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contest_id")
    private Contest contest;

    @Column(nullable = false, length = 50)
    private String name;

    @Column(name = "amount_cents", nullable = false)
    private long amountCents;

    protected AwardLevel() {
    }

    AwardLevel(Contest contest, String name, long amountCents) {
        this.contest = contest;
        this.name = name;
        this.amountCents = amountCents;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getAmountCents() {
        return amountCents;
    }

    /** The amount in yuan, for display and the finance export. */
    public BigDecimal getAmount() {
        return BigDecimal.valueOf(amountCents, 2);
    }
}
