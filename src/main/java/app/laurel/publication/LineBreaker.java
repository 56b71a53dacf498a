package app.laurel.publication;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Breaks a paragraph into lines no wider than a measure. Chinese breaks between any two characters, except that
 * closing punctuation (，。”》…) never starts a line and opening punctuation (“《（…) never ends one; a run of Latin
 * letters and digits (a serial, an English word) breaks only at spaces (or after a hyphen), unless it is wider than a
 * whole line. Where a line may break is the JDK's line {@code BreakIterator} (Unicode line breaking, UAX #14, which
 * has these 禁则); this class only fills lines greedily and cuts what is wider than a line.
 */
final class LineBreaker {

    /** The width of a piece of text in points. */
    @FunctionalInterface
    interface Measure {
        float width(String text) throws IOException;
    }

    private static final String CLOSING = "，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%";
    private static final String OPENING = "（《「『【〔〈“‘([{";

    private LineBreaker() {
    }

    static List<String> lines(String paragraph, float maxWidth, Measure measure) throws IOException {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String unit : units(paragraph)) {
            String candidate = line + unit;
            if (measure.width(candidate.stripTrailing()) <= maxWidth) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.stripTrailing());
                line = "";
            }
            if (measure.width(unit.stripTrailing()) <= maxWidth) {
                line = unit;
                continue;
            }
            // Wider than a whole line on its own: cut it wherever it must be cut.
            int i = 0;
            while (i < unit.length()) {
                int cp = unit.codePointAt(i);
                String next = line + new String(Character.toChars(cp));
                if (!line.isEmpty() && measure.width(next.stripTrailing()) > maxWidth) {
                    lines.add(line.stripTrailing());
                    line = new String(Character.toChars(cp));
                } else {
                    line = next;
                }
                i += Character.charCount(cp);
            }
        }
        if (!line.isBlank() || lines.isEmpty()) {
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    /**
     * Pieces that stay on one line, as the JDK's line {@link BreakIterator} (UAX #14) finds them: a character with the
     * punctuation bound to it, or a Latin word with its trailing spaces.
     */
    static List<String> units(String paragraph) {
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.CHINA);
        breaks.setText(paragraph);
        List<String> units = new ArrayList<>();
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            units.add(paragraph.substring(start, end));
        }
        return units;
    }
}
