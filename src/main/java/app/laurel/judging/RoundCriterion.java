package app.laurel.judging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A criterion as stored with its round. */
@Entity
@Table(name = "round_criterion")
public class RoundCriterion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "round_id")
    private Round round;

    @Column(nullable = false, length = 30)
    private String name;

    @Column(length = 300)
    private String description;

    @Column(name = "max_points", nullable = false)
    private int maxPoints;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected RoundCriterion() {
    }

    RoundCriterion(Round round, Criterion criterion, int sortOrder) {
        this.round = round;
        this.name = criterion.name();
        this.description = criterion.description();
        this.maxPoints = criterion.maxPoints();
        this.primary = criterion.primary();
        this.sortOrder = sortOrder;
    }

    Criterion criterion() {
        return new Criterion(name, description, maxPoints, primary);
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public int getMaxPoints() {
        return maxPoints;
    }

    public boolean isPrimary() {
        return primary;
    }
}
