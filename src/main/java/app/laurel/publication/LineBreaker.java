package app.laurel.publication;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a paragraph into lines no wider than a measure. Chinese breaks between any two characters, except that
 * closing punctuation (，。”》…) never starts a line and opening punctuation (“《（…) never ends one; a run of Latin
 * letters and digits (a serial, an English word) breaks only at spaces, unless it is wider than a whole line.
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

    /** Pieces that stay on one line: a character with the punctuation bound to it, or a Latin word with its spaces. */
    static List<String> units(String paragraph) {
        List<StringBuilder> units = new ArrayList<>();
        StringBuilder opening = new StringBuilder();
        boolean inWord = false;
        int previous = ' ';
        for (int i = 0; i < paragraph.length(); ) {
            int cp = paragraph.codePointAt(i);
            i += Character.charCount(cp);
            boolean afterSpace = Character.isWhitespace(previous) || Character.isSpaceChar(previous);
            previous = cp;
            StringBuilder last = units.isEmpty() ? null : units.get(units.size() - 1);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (last == null || !opening.isEmpty()) {
                    // Leading spaces (an indent) stay with what follows them.
                    opening.appendCodePoint(cp);
                } else {
                    last.appendCodePoint(cp);
                }
                inWord = false;
            } else if (CLOSING.indexOf(cp) >= 0 && last != null && opening.isEmpty()) {
                last.appendCodePoint(cp);
                inWord = false;
            } else if (cp == '"' && last != null && opening.isEmpty() && !afterSpace) {
                // A straight quote closes what it follows, and opens what follows a space.
                last.appendCodePoint(cp);
                inWord = false;
            } else if (OPENING.indexOf(cp) >= 0 || cp == '"') {
                opening.appendCodePoint(cp);
                inWord = false;
            } else if (isWordChar(cp) && inWord && opening.isEmpty()) {
                last.appendCodePoint(cp);
            } else {
                units.add(new StringBuilder(opening).appendCodePoint(cp));
                opening.setLength(0);
                inWord = isWordChar(cp);
            }
        }
        if (!opening.isEmpty()) {
            units.add(opening);
        }
        return units.stream().map(StringBuilder::toString).toList();
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x2E80 && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '/' || cp == '\''
                || cp == '@' || cp == '#' || cp == '&');
    }
}
