package app.laurel.submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The passages two texts share, each as written in either text, for the organiser to read side by side. Walks
 * one text and, wherever a run of {@value Shingles#SIZE} characters also occurs in the other, extends the match
 * as far as both texts agree (punctuation and spacing ignored, as in {@link ComparableText}); matches shorter
 * than {@value #MIN_CHARS} characters are common phrases, not copying, and are left out.
 */
public final class SharedPassages {

    /** One passage: as it reads in the first text and in the second. */
    public record Passage(String here, String there) {
    }

    static final int MIN_CHARS = 8;
    /** Where a run recurs (a refrain, a repeated slogan) only its first places in the other text are tried. */
    private static final int MAX_PLACES = 16;
    private static final int MAX_PASSAGES = 200;

    private SharedPassages() {
    }

    public static List<Passage> between(String hereText, String thereText) {
        ComparableText here = ComparableText.of(hereText);
        ComparableText there = ComparableText.of(thereText);
        Map<Long, List<Integer>> places = new HashMap<>();
        for (int j = 0; j + Shingles.SIZE <= there.length(); j++) {
            List<Integer> at = places.computeIfAbsent(Shingles.hash(there.chars(), j), h -> new ArrayList<>());
            if (at.size() < MAX_PLACES) {
                at.add(j);
            }
        }
        List<Passage> passages = new ArrayList<>();
        int i = 0;
        while (i + Shingles.SIZE <= here.length() && passages.size() < MAX_PASSAGES) {
            int bestStart = -1;
            int bestLength = 0;
            for (int j : places.getOrDefault(Shingles.hash(here.chars(), i), List.of())) {
                int length = 0;
                while (i + length < here.length() && j + length < there.length() && here.charAt(i + length) == there.charAt(j + length)) {
                    length++;
                }
                if (length > bestLength) {
                    bestLength = length;
                    bestStart = j;
                }
            }
            if (bestLength >= MIN_CHARS) {
                passages.add(new Passage(here.original(i, i + bestLength), there.original(bestStart, bestStart + bestLength)));
                i += bestLength;
            } else {
                i++;
            }
        }
        return passages;
    }
}
