package app.laurel.judging;

import app.laurel.platform.error.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RubricTest {

    private static final Rubric RUBRIC = new Rubric(List.of(new Criterion("思想性", 30, true), new Criterion("真实性", 30, false),
            new Criterion("感染力", 20, false), new Criterion("表现力", 20, false)));

    @Test
    void halfPointScoresWithinTheMaximaAddUpExactly() {
        Map<String, BigDecimal> scores = Map.of("思想性", new BigDecimal("27.5"), "真实性", new BigDecimal("28"),
                "感染力", new BigDecimal("16.5"), "表现力", new BigDecimal("18"));
        assertTrue(RUBRIC.check(scores).isEmpty());
        assertEquals(180, RUBRIC.totalHalfPoints(scores), "90 points");
        assertEquals(55, RUBRIC.primaryHalfPoints(scores));
        assertEquals(100, RUBRIC.maxPoints());
    }

    @Test
    void outOfRangeNotHalfPointsMissingAndUnknownScoresAreAllReported() {
        List<FieldError> errors = RUBRIC.check(Map.of("思想性", new BigDecimal("31"), "真实性", new BigDecimal("27.3"),
                "感染力", new BigDecimal("-1"), "创新性", BigDecimal.ONE));
        assertEquals(List.of("思想性:score.range", "真实性:score.halfPoints", "感染力:score.range",
                "表现力:validation.required", "创新性:score.unknownCriterion"),
                errors.stream().map(e -> e.field() + ":" + e.messageKey()).toList());
    }

    @Test
    void typedScoresAreReadAsTheJudgeTypedThemAndNeverCutOrDropped() {
        Map<String, String> typed = new java.util.LinkedHashMap<>();
        typed.put("思想性", "２７．５");
        typed.put("真实性", " 28 ");
        typed.put("感染力", "");
        typed.put("表现力", null);
        assertEquals(Map.of("思想性", new BigDecimal("27.5"), "真实性", new BigDecimal("28")), RUBRIC.read(typed),
                "full-width digits count; blank is not scored yet");
    }

    @Test
    void aScoreAboveTheMaximumOrWithLettersIsRefusedBesideItsCriterionAllAtOnce() {
        Map<String, String> typed = new java.util.LinkedHashMap<>();
        typed.put("思想性", "35");
        typed.put("真实性", "2a");
        typed.put("感染力", "-1");
        typed.put("表现力", "18");
        app.laurel.platform.error.InvalidInputException refused = assertThrows(app.laurel.platform.error.InvalidInputException.class,
                () -> RUBRIC.read(typed));
        assertEquals(List.of("真实性:score.notNumber", "思想性:score.range", "感染力:score.range"),
                refused.errors().stream().map(e -> e.field() + ":" + e.messageKey()).toList());
        assertEquals(30, refused.errors().get(1).args()[0], "the message names the maximum");
    }

    @Test
    void aRubricHasExactlyOnePrimaryCriterion() {
        assertThrows(IllegalArgumentException.class, () -> new Rubric(List.of(new Criterion("a", 10, false))));
        assertThrows(IllegalArgumentException.class, () -> new Rubric(List.of(new Criterion("a", 10, true), new Criterion("b", 10, true))));
    }
}
