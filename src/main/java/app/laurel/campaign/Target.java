package app.laurel.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** A task's number to reach, such as ≥ 4 条 or = 100 %. */
public record Target(Comparison comparison, BigDecimal value, String unit) {

    public Target {
        Objects.requireNonNull(comparison);
        Objects.requireNonNull(value);
        unit = unit == null ? "" : unit.strip();
    }

    /** Whether a reported number meets the target; a value that misses it is flagged to reviewer and unit. */
    public boolean isMetBy(BigDecimal reported) {
        return comparison.holds(reported, value);
    }

    /** "≥ 4 条", "= 100 %": how pages, the export and the PDF print it. */
    public String label() {
        BigDecimal shown = value.stripTrailingZeros();
        if (shown.scale() < 0) {
            shown = shown.setScale(0, RoundingMode.UNNECESSARY);
        }
        return comparison.symbol() + " " + shown.toPlainString() + (unit.isEmpty() ? "" : " " + unit);
    }
}
