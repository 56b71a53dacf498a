package app.laurel.submission;

import app.laurel.contest.Quota;
import app.laurel.identity.UnitType;

/**
 * One unit's line of the quota export: its quota, what it submitted (what counts against the quota, and what won),
 * how many passed screening, and how many of the submitted are citizens' entries it recommended.
 */
public record QuotaStatus(String unitName, UnitType unitType, int min, int max, int submitted, int accepted, int recommended) {

    /** The units to chase: fewer counted than the minimum. */
    public boolean isBelowMinimum() {
        return !new Quota(min, max).isMetBy(submitted);
    }
}
