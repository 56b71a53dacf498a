package app.laurel.submission;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 查重 by containment: texts that copy 60 %, 75 % and 90 % of another, retyped with other punctuation, spaces,
 * line breaks and full-width digits, reach the threshold; a 40 % overlap and an unrelated story do not.
 */
class ShinglesTest {

    @Test
    void copiesOfSixtySeventyFiveAndNinetyPercentAreFlagged() {
        Shingles original = Shingles.of(CopiedStories.original());
        for (double share : new double[]{0.60, 0.75, 0.90}) {
            double score = Shingles.of(CopiedStories.copying(share, 5, 4)).containment(original);
            assertTrue(score >= SimilarityFlag.THRESHOLD, share + " copied scored " + score);
            assertEquals(share, score, 0.02, "the score tells how much was copied");
        }
    }

    @Test
    void aFortyPercentOverlapAndAnUnrelatedStoryAreNotFlagged() {
        Shingles original = Shingles.of(CopiedStories.original());
        double forty = Shingles.of(CopiedStories.copying(0.40, 5, 4)).containment(original);
        assertEquals(0.40, forty, 0.02, "40 % copied scored " + forty);
        double unrelated = Shingles.of(CopiedStories.UNRELATED).containment(original);
        assertTrue(unrelated < 0.05, "unrelated scored " + unrelated);
    }

    @Test
    void aStoryCopiedWhollyIntoALongerTextIsContainedWhereJaccardWouldMissIt() {
        String longer = String.join("", CopiedStories.OWN) + CopiedStories.retype(String.join("", CopiedStories.ORIGINAL)) + CopiedStories.UNRELATED;
        Shingles original = Shingles.of(CopiedStories.original());
        assertEquals(1.0, original.containment(Shingles.of(longer)), 1e-9);
        assertEquals(1.0, Shingles.of(longer).containment(original), 1e-9, "containment is of the shorter text");
    }

    @Test
    void fullWidthAndHalfWidthPunctuationSpacesAndLineBreaksAreIgnored() {
        String halfWidth = "ABC禁毒宣传 2021 年, 走进校园!\n";
        String fullWidth = "ＡＢＣ禁毒宣传２０２１年，走进校园！";
        assertEquals(1.0, Shingles.of(halfWidth).containment(Shingles.of(fullWidth)), 1e-9);
        assertEquals(Shingles.of(halfWidth).size(), Shingles.of(fullWidth).size());
    }

    @Test
    void fingerprintsAreTheSameEighthOfEveryText() {
        Shingles copy = Shingles.of(CopiedStories.copying(0.90, 5, 4));
        Shingles original = Shingles.of(CopiedStories.original());
        long[] theirs = original.fingerprints();
        long shared = java.util.Arrays.stream(copy.fingerprints()).filter(f -> java.util.Arrays.binarySearch(theirs, f) >= 0).count();
        assertTrue(theirs.length > original.size() / 16 && theirs.length < original.size() / 4, theirs.length + " of " + original.size());
        assertTrue(shared >= SimilarityIndex.CANDIDATE * Math.min(theirs.length, copy.fingerprints().length), "a copy shares enough fingerprints to be a candidate");
    }

    @Test
    void textsTooShortToCompareScoreZero() {
        assertEquals(0.0, Shingles.of("禁毒").containment(Shingles.of("禁毒")));
        assertTrue(Shingles.of((String) null).isEmpty());
    }

    @Test
    void sharedPassagesAreShownAsEachTextWroteThem() {
        List<SharedPassages.Passage> passages = SharedPassages.between(CopiedStories.copying(0.60, 5, 4), CopiedStories.original());
        assertFalse(passages.isEmpty());
        SharedPassages.Passage first = passages.get(0);
        assertTrue(first.here().startsWith("第二天老周又来了, 这一次他没有说话, 只是在门口坐了一个下午.\n到了第七天, 小刘终于开口"), first.here());
        assertTrue(first.there().startsWith("第二天老周又来了，这一次他没有说话，只是在门口坐了一个下午。到了第七天，小刘终于开口"), first.there());
        assertTrue(first.here().contains("镇上的８家修车铺") && first.there().contains("镇上的8家修车铺"), first.toString());
        assertTrue(passages.stream().noneMatch(p -> p.here().contains("主题班会")), "the copier's own sentences are not shared");
        assertTrue(SharedPassages.between(CopiedStories.UNRELATED, CopiedStories.original()).isEmpty());
    }
}
