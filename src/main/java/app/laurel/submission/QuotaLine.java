package app.laurel.submission;

import app.laurel.identity.UnitType;

/** One line of the quota board (报送情况): “县公安局 1/2 — needs at least 2”. */
public record QuotaLine(long unitId, String unitName, UnitType unitType, int counted, int min, int max) {

    // Bean-style getters: Jakarta EL 5 (EE 10) does not read record components.

    public String getUnitName() {
        return unitName;
    }

    public UnitType getUnitType() {
        return unitType;
    }

    public int getCounted() {
        return counted;
    }

    public int getMin() {
        return min;
    }

    public int getMax() {
        return max;
    }

    public boolean isBelowMinimum() {
        return counted < min;
    }

    public boolean isFull() {
        return counted >= max;
    }
}
