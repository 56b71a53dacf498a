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
    void aRubricHasExactlyOnePrimaryCriterion() {
        assertThrows(IllegalArgumentException.class, () -> new Rubric(List.of(new Criterion("a", 10, false))));
        assertThrows(IllegalArgumentException.class, () -> new Rubric(List.of(new Criterion("a", 10, true), new Criterion("b", 10, true))));
    }
}
