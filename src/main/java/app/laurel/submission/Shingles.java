package app.laurel.submission;

import java.util.Arrays;

/**
 * Near-duplicate detection (查重) by character shingles: the {@linkplain ComparableText comparable text} is cut
 * into overlapping runs of {@value #SIZE} characters, each kept as a 64-bit hash. Character runs, not words,
 * because Chinese has no spaces; five characters are long enough that ordinary phrases rarely match by chance.
 * <p>
 * Two texts are compared by <em>containment</em>: the share of the shorter text that lies in runs also found
 * in the other, counted in characters, so that a text made of 60 % copied sentences scores 0.60 (counting runs
 * instead would lose four runs at every seam between copied and own text). A copy of 75 % of a story into a
 * longer one scores 0.75 whatever the other text adds, where the Jaccard index (shared / all runs) falls with
 * every added sentence and let copies through.
 * <p>
 * A fixed eighth of the runs, those whose hash has its top three bits clear, are the text's
 * {@linkplain #fingerprints() fingerprints}: the same runs are sampled from every text, so the share of
 * fingerprints two texts have in common estimates their containment, and an index of fingerprints finds the
 * candidates for one new entry without reading every entry.
 */
public final class Shingles {

    static final int SIZE = 5;
    /** Fingerprints are the runs whose hash starts with this many zero bits: one in 2^3 = 8. */
    static final int SAMPLE_BITS = 3;

    /** The run at each position of the comparable text, in order. */
    private final long[] runs;
    /** The distinct runs, sorted. */
    private final long[] hashes;

    private Shingles(long[] runs) {
        this.runs = runs;
        this.hashes = Arrays.stream(runs).sorted().distinct().toArray();
    }

    public static Shingles of(String text) {
        return of(ComparableText.of(text));
    }

    static Shingles of(ComparableText text) {
        int count = Math.max(0, text.length() - SIZE + 1);
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = hash(text.chars(), i);
        }
        return new Shingles(hashes);
    }

    /** The run starting at {@code from}: a polynomial over its code points, mixed (MurmurHash3's finaliser) so every bit is even. */
    static long hash(int[] chars, int from) {
        long h = 0;
        for (int i = from; i < from + SIZE; i++) {
            h = h * 1_000_003L + chars[i];
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static boolean isFingerprint(long hash) {
        return hash >>> (Long.SIZE - SAMPLE_BITS) == 0;
    }

    /**
     * The share of the shorter text (in characters) covered by runs found in the other: 0 (nothing shared) to 1
     * (one contains the other). Texts too short to have a run score 0.
     */
    public double containment(Shingles other) {
        if (isEmpty() || other.isEmpty()) {
            return 0;
        }
        return runs.length <= other.runs.length ? coveredBy(other) : other.coveredBy(this);
    }

    private double coveredBy(Shingles other) {
        int covered = 0;
        int coveredUpTo = 0;
        for (int i = 0; i < runs.length; i++) {
            if (Arrays.binarySearch(other.hashes, runs[i]) >= 0) {
                covered += i + SIZE - Math.max(i, coveredUpTo);
                coveredUpTo = i + SIZE;
            }
        }
        return (double) covered / (runs.length + SIZE - 1);
    }

    /** The sampled runs the index keeps for this text. */
    public long[] fingerprints() {
        return Arrays.stream(hashes).filter(Shingles::isFingerprint).toArray();
    }

    /** Distinct runs. */
    public int size() {
        return hashes.length;
    }

    public boolean isEmpty() {
        return hashes.length == 0;
    }
}
