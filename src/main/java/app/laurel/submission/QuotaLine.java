package app.laurel.submission;

import app.laurel.contest.Quota;
import app.laurel.identity.UnitType;

/** One line of the quota board (报送情况): “县公安局 1/2 — needs at least 2”. */
public record QuotaLine(long unitId, String unitName, UnitType unitType, int counted, int min, int max) {

    public boolean isBelowMinimum() {
        return !new Quota(min, max).isMetBy(counted);
    }

    public boolean isFull() {
        return new Quota(min, max).isReachedBy(counted);
    }
}
