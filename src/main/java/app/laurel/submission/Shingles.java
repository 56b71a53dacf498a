package app.laurel.submission;

import java.util.HashSet;
import java.util.Set;

/**
 * Near-duplicate detection (查重) by character shingles: the text is reduced to letters, digits and CJK
 * characters, cut into overlapping runs of {@value #SIZE}, and two texts are compared by the Jaccard index of
 * their runs (shared runs / all runs). Character runs, not words, because Chinese has no spaces; five
 * characters are long enough that ordinary phrases rarely match by chance.
 */
public final class Shingles {

    static final int SIZE = 5;
    private final Set<String> runs;

    private Shingles(Set<String> runs) {
        this.runs = runs;
    }

    public static Shingles of(String text) {
        StringBuilder kept = new StringBuilder();
        if (text != null) {
            text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(kept::appendCodePoint);
        }
        Set<String> runs = new HashSet<>();
        String normalised = kept.toString();
        int[] offsets = normalised.codePoints().toArray();
        for (int i = 0; i + SIZE <= offsets.length; i++) {
            runs.add(new String(offsets, i, SIZE));
        }
        return new Shingles(runs);
    }

    /** The Jaccard index, 0 (nothing shared) to 1 (the same runs); two texts too short to compare score 0. */
    public double similarity(Shingles other) {
        if (runs.isEmpty() || other.runs.isEmpty()) {
            return 0;
        }
        Set<String> smaller = runs.size() <= other.runs.size() ? runs : other.runs;
        Set<String> larger = smaller == runs ? other.runs : runs;
        long shared = smaller.stream().filter(larger::contains).count();
        return (double) shared / (runs.size() + other.runs.size() - shared);
    }

    public boolean isEmpty() {
        return runs.isEmpty();
    }
}
