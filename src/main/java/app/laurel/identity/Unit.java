package app.laurel.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A member organisation that submits entries and is held to a quota (单位). The name is what appears on quota
 * boards and certificates. {@code sample} marks the demo's invented units so nobody mistakes them for real ones.
 */
@Entity
@Table(name = "unit")
@NamedQuery(name = "Unit.byName", query = "select u from Unit u where u.name = :name")
@NamedQuery(name = "Unit.all", query = "select u from Unit u order by u.unitType, u.name")
public class Unit {

    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type", nullable = false, length = 20)
    private UnitType unitType;

    @Column(nullable = false)
    private boolean sample;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Unit() {
    }

    public Unit(String name, UnitType unitType, boolean sample, Instant createdAt) {
        this.name = name;
        this.unitType = unitType;
        this.sample = sample;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public UnitType getUnitType() {
        return unitType;
    }

    public boolean isSample() {
        return sample;
    }
}
