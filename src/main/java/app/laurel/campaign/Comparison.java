package app.laurel.campaign;

import java.math.BigDecimal;
import java.util.Optional;

/** How a reported number is held against a task's target: 不少于 (≥), 达到 (=), 不超过 (≤). */
public enum Comparison {
    AT_LEAST("≥"), EXACTLY("="), AT_MOST("≤");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(BigDecimal value, BigDecimal target) {
        int c = value.compareTo(target);
        return switch (this) {
            case AT_LEAST -> c >= 0;
            case EXACTLY -> c == 0;
            case AT_MOST -> c <= 0;
        };
    }

    /** Reads what people type in a sheet: the symbol, its ASCII spelling, the enum name, or the Chinese words. */
    public static Optional<Comparison> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "≥", ">=", "AT_LEAST", "不少于", "至少", "以上" -> Optional.of(AT_LEAST);
            case "=", "==", "EXACTLY", "达到", "等于" -> Optional.of(EXACTLY);
            case "≤", "<=", "AT_MOST", "不超过", "至多", "以下" -> Optional.of(AT_MOST);
            default -> Optional.empty();
        };
    }
}
