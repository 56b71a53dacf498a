package app.laurel.submission;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text as 查重 reads it: NFKC-normalised (full-width letters and digits become half-width), lower case, and
 * only letters and digits kept, so punctuation, spaces and line breaks (full-width or half-width) never hide a
 * copy. Each kept character remembers where it stood in the original, so that shared passages can be shown to
 * the organiser as the authors wrote them.
 */
final class ComparableText {

    private final String original;
    private final int[] chars;
    private final int[] starts;
    private final int[] ends;

    private ComparableText(String original, int[] chars, int[] starts, int[] ends) {
        this.original = original;
        this.chars = chars;
        this.starts = starts;
        this.ends = ends;
    }

    static ComparableText of(String text) {
        String original = text == null ? "" : text;
        int[] chars = new int[original.length()];
        int[] starts = new int[original.length()];
        int[] ends = new int[original.length()];
        int n = 0;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String folded = unchangedByNfkc(cp) ? null : Normalizer.normalize(original.substring(i, next), Normalizer.Form.NFKC);
            if (folded == null) {
                if (kept(cp)) {
                    chars[n] = Character.toLowerCase(cp);
                    starts[n] = i;
                    ends[n++] = next;
                }
            } else {
                for (int f : folded.codePoints().toArray()) {
                    if (kept(f)) {
                        if (n == chars.length) { // a ligature such as ㍿ unfolds into several characters
                            chars = Arrays.copyOf(chars, n * 2 + 4);
                            starts = Arrays.copyOf(starts, n * 2 + 4);
                            ends = Arrays.copyOf(ends, n * 2 + 4);
                        }
                        chars[n] = Character.toLowerCase(f);
                        starts[n] = i;
                        ends[n++] = next;
                    }
                }
            }
            i = next;
        }
        return new ComparableText(original, Arrays.copyOf(chars, n), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** Plain ASCII and the common CJK ideographs, most of any story, need no Unicode normalisation. */
    private static boolean unchangedByNfkc(int cp) {
        return cp < 0xA0 || (cp >= 0x4E00 && cp <= 0x9FFF);
    }

    private static boolean kept(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.LETTER_NUMBER;
    }

    int length() {
        return chars.length;
    }

    int charAt(int i) {
        return chars[i];
    }

    int[] chars() {
        return chars;
    }

    /** The original text from kept character {@code from} to kept character {@code to} (exclusive), as written. */
    String original(int from, int to) {
        return original.substring(starts[from], ends[to - 1]);
    }
}
