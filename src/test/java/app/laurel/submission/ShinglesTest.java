package app.laurel.submission;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShinglesTest {

    private static final String STORY = "他在社区戒毒康复站坚持了三年，每周按时尿检，白天在工地打工，晚上给女儿讲故事。"
            + "社区禁毒专干老周一直陪着他，帮他找到了工作，也帮他找回了家。";

    @Test
    void theSameStoryWithOtherPunctuationAndSpacingIsADuplicate() {
        String retyped = STORY.replace("，", ", ").replace("。", ".\n");
        assertEquals(1.0, Shingles.of(STORY).similarity(Shingles.of(retyped)), 1e-9);
    }

    @Test
    void aLightlyEditedCopyScoresAboveTheThresholdAnotherStoryNearZero() {
        String edited = STORY.replace("三年", "四年");
        double copy = Shingles.of(STORY).similarity(Shingles.of(edited));
        assertTrue(copy >= SimilarityFlag.THRESHOLD, "edited copy scored " + copy);
        double other = Shingles.of(STORY).similarity(Shingles.of("县公安局破获一起贩毒案件，缴获毒品若干，抓获犯罪嫌疑人三名，依法移送起诉。"));
        assertTrue(other < 0.1, "unrelated scored " + other);
    }

    @Test
    void textsTooShortToCompareScoreZero() {
        assertEquals(0.0, Shingles.of("禁毒").similarity(Shingles.of("禁毒")));
        assertTrue(Shingles.of(null).isEmpty());
    }
}
