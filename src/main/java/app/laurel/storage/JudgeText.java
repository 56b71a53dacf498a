package app.laurel.storage;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a judge must not read in the text of a stored document (the author's name in its forms, their unit...).
 * Storage does not know whose a file is: the feature that holds the file implements this, and the judges' copy of
 * a .docx is blacked out with it ({@link DocxText}).
 */
public interface JudgeText {

    /**
     * How to black out text, as a function that keeps every string's length, and a key that changes whenever
     * what is hidden changes (it names the cached copy, so a term the organiser adds later reaches the judges).
     */
    record Blinding(String key, UnaryOperator<String> hide) {
    }

    /** The blinding for a file judges may read; empty when nothing in it is to be hidden. */
    Optional<Blinding> forJudges(long fileId);
}
