package app.laurel.campaign;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A task's number to reach, such as ≥ 4 条 or = 100 %. */
public record Target(Comparison comparison, BigDecimal value, String unit) {

    public static final BigDecimal LIMIT = new BigDecimal("1000000000");
    public static final int MAX_UNIT = 20;

    public Target {
        Objects.requireNonNull(comparison);
        Objects.requireNonNull(value);
        unit = unit == null ? "" : unit.strip();
    }

    /**
     * The one reading of a target as the page, the API and the import give it. No comparison and no value: no target
     * (a unit alone is ignored). One without the other, an unknown comparison, a number out of range or with more
     * than two decimals (the column keeps two), or a unit over {@value #MAX_UNIT} characters: refused, every problem
     * at once, on the fields {@code comparison}, {@code target} and {@code targetUnit}.
     */
    public static Optional<Target> of(String comparison, BigDecimal value, String unit) {
        String symbol = comparison == null ? "" : comparison.strip();
        if (symbol.isEmpty() && value == null) {
            return Optional.empty();
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<Comparison> parsed = Comparison.parse(symbol);
        if (symbol.isEmpty()) {
            errors.add(new FieldError("comparison", "campaign.task.noComparison"));
        } else if (parsed.isEmpty()) {
            errors.add(new FieldError("comparison", "campaign.task.badComparison", symbol));
        }
        if (value == null) {
            errors.add(new FieldError("target", "campaign.task.noTarget"));
        } else if (value.signum() < 0 || value.compareTo(LIMIT) >= 0 || value.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("target", "campaign.task.targetRange"));
        }
        String shown = unit == null ? "" : unit.strip();
        if (shown.length() > MAX_UNIT) {
            errors.add(new FieldError("targetUnit", "validation.length", 0, MAX_UNIT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return Optional.of(new Target(parsed.orElseThrow(), value, shown));
    }

    /**
     * {@link #of} for a value typed as text, as a sheet cell holds it: "80%" is 80 with the unit % when no unit is
     * given; text that is no number is refused on {@code target} with {@code campaign.task.targetNotNumber}.
     */
    public static Optional<Target> parse(String comparison, String value, String unit) {
        String text = value == null ? "" : value.strip();
        boolean percent = text.endsWith("%") || text.endsWith("％");
        String number = percent ? text.substring(0, text.length() - 1).strip() : text;
        BigDecimal parsed = null;
        if (!number.isEmpty()) {
            try {
                parsed = new BigDecimal(number);
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("target", "campaign.task.targetNotNumber", text);
            }
        }
        return of(comparison, parsed, percent && (unit == null || unit.isBlank()) ? "%" : unit);
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
