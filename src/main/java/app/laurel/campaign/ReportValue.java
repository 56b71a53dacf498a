package app.laurel.campaign;

import app.laurel.platform.error.InvalidInputException;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads the number a unit reports. People type on phones with Chinese keyboards, so full-width digits and a
 * trailing unit or % are accepted; anything else ("四篇", "4-5") is refused with a message saying so.
 */
public final class ReportValue {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

    private ReportValue() {
    }

    /** The number, or null for a blank value; a value that is not a number is refused. */
    public static BigDecimal parse(String raw, String unit) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        StringBuilder ascii = new StringBuilder();
        for (char c : raw.strip().toCharArray()) {
            ascii.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c == '．' ? '.' : c == '％' ? '%' : c);
        }
        String text = ascii.toString();
        if (unit != null && !unit.isBlank() && text.endsWith(unit.strip())) {
            text = text.substring(0, text.length() - unit.strip().length()).strip();
        }
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (!NUMBER.matcher(text).matches()) {
            throw InvalidInputException.of("value", "campaign.report.notANumber", raw.strip());
        }
        return new BigDecimal(text);
    }
}
