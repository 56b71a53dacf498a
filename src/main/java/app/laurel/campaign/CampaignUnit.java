package app.laurel.campaign;

import app.laurel.identity.Unit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A unit taking part in a campaign, with the extension the organiser may have granted it. */
@Entity
@Table(name = "campaign_unit")
public class CampaignUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;

    @ManyToOne(optional = false)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Column(name = "extended_until")
    private Instant extendedUntil;

    protected CampaignUnit() {
    }

    CampaignUnit(Campaign campaign, Unit unit) {
        this.campaign = campaign;
        this.unit = unit;
    }

    void extendUntil(Instant until) {
        this.extendedUntil = until;
    }

    public Long getId() {
        return id;
    }

    public Unit getUnit() {
        return unit;
    }

    public Instant getExtendedUntil() {
        return extendedUntil;
    }
}
