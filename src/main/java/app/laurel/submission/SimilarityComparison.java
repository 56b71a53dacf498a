package app.laurel.submission;

import java.util.List;

/**
 * A flagged pair as the organiser reads it: one entry ("here"), the similar one ("there"), the containment, and
 * the passages they share, each as written in either entry.
 */
public record SimilarityComparison(SimilarityFlag flag, Entry here, Entry there, List<SharedPassages.Passage> passages) {

    static SimilarityComparison of(SimilarityFlag flag, Entry here) {
        Entry there = flag.getEntryA().getId().equals(here.getId()) ? flag.getEntryB() : flag.getEntryA();
        return new SimilarityComparison(flag, here, there, SharedPassages.between(here.comparableText(), there.comparableText()));
    }

    /** The containment as a whole percentage, as the page shows it. */
    public int percent() {
        return flag.getScore().movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).intValue();
    }
}
