package app.laurel.submission;

import app.laurel.contest.Quota;
import app.laurel.identity.UnitType;

/**
 * One unit's line of the quota export: its quota, what counts against it ({@code submitted}, as on the screening
 * board), how many passed screening, and how many of the submitted are citizens' entries it recommended.
 */
public record QuotaStatus(String unitName, UnitType unitType, int min, int max, int submitted, int accepted, int recommended) {

    /** The units to chase: fewer counted than the minimum. */
    public boolean isBelowMinimum() {
        return !new Quota(min, max).isMetBy(submitted);
    }
}
