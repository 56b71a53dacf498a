package app.laurel.judging;

import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A round is set up, opened, then closed, and its rules freeze when it opens; a judge's scorecard is saved and
 * submitted while the round is open, and only an organiser's reopening makes it editable again. Plain JUnit.
 */
class RoundAndScorecardStatesTest {

    private static final Instant NOW = Instant.parse("2021-06-01T02:00:00Z");
    private static final Rubric RUBRIC = new Rubric(List.of(new Criterion("思想性", 30, true), new Criterion("真实性", 70, false)));
    private static final Map<String, BigDecimal> FULL = Map.of("思想性", new BigDecimal("25"), "真实性", new BigDecimal("60.5"));

    private static Round round(Integer commentBelow) {
        return new Round(null, 1, new RoundRules("初评", AssignmentMode.ALL, null, AggregationMethod.TRIMMED_MEAN, 1, 20, 10,
                RUBRIC, commentBelow, null).withDefaults(), List.of(), null, null, null);
    }

    private static String key(LaurelException refusal) {
        return refusal instanceof InvalidInputException invalid ? invalid.errors().get(0).messageKey() : refusal.messageKey();
    }

    @Test
    void aRoundBeingSetUpIsConfiguredThenOpenedThenClosed() {
        Round round = round(null);
        assertEquals(RoundStatus.SETUP, round.getStatus());
        round.configure(new RoundRules("初评（改）", AssignmentMode.ALL, null, AggregationMethod.MEAN, 1, 20, 5, RUBRIC)
                .withDefaults(), List.of());
        assertEquals("初评（改）", round.getName());
        round.open(NOW);
        assertEquals(RoundStatus.OPEN, round.getStatus());
        assertEquals(NOW, round.getOpenedAt());
        round.close("[]", NOW.plusSeconds(3600));
        assertEquals(RoundStatus.CLOSED, round.getStatus());
        assertEquals(NOW.plusSeconds(3600), round.getClosedAt());
    }

    @Test
    void anOpenRoundsRulesAreFrozenAndItOpensOnlyOnce() {
        Round round = round(null);
        round.open(NOW);
        RoundRules other = new RoundRules("终评", AssignmentMode.ALL, null, null, null, null, null, RUBRIC).withDefaults();
        assertEquals("judging.round.rulesFrozen", key(assertThrows(LaurelException.class, () -> round.configure(other, List.of()))));
        assertEquals("judging.round.rulesFrozen", key(assertThrows(LaurelException.class, round::dropCriteria)));
        assertEquals("judging.round.notInSetup", key(assertThrows(LaurelException.class, () -> round.open(NOW))));
        assertEquals("初评", round.getName());
        assertEquals(2, round.getCriteria().size());
    }

    @Test
    void aRoundClosesOnlyWhileOpenAndAClosedOneAcceptsNothing() {
        Round setup = round(null);
        assertEquals("judging.round.notOpen", key(assertThrows(LaurelException.class, () -> setup.close("[]", NOW))));
        assertEquals("judging.round.notOpen", key(assertThrows(LaurelException.class,
                () -> setup.resolveCut(CutDecision.ORDERED, List.of("R1-001"), "并列"))));
        Round closed = round(null);
        closed.open(NOW);
        closed.close("[]", NOW);
        assertEquals("judging.round.closed", key(assertThrows(LaurelException.class, () -> closed.close("[]", NOW))));
        assertEquals("judging.round.rulesFrozen", key(assertThrows(LaurelException.class, closed::dropCriteria)));
        assertEquals(RoundStatus.CLOSED, closed.getStatus());
    }

    @Test
    void roundDefaultsAreTheServicesForPageAndApiAlike() {
        RoundRules given = new RoundRules("复评", AssignmentMode.BALANCED, null, null, null, null, null, null).withDefaults();
        assertEquals(RoundRules.DEFAULT_JUDGES_PER_ENTRY, given.judgesPerEntry());
        assertEquals(AggregationMethod.TRIMMED_MEAN, given.method());
        assertEquals(RoundRules.DEFAULT_MIN_SCORES, given.minScores());
        assertEquals(RoundRules.DEFAULT_DISAGREEMENT_PCT, given.disagreementPct());
        assertEquals(RoundRules.DEFAULT_SELECT, given.selectCount());
        assertEquals(List.of("思想性", "真实性", "感染力", "表现力"), given.rubric().criteria().stream().map(Criterion::name).toList());
        assertEquals("思想性", given.rubric().primary().name());
        assertEquals(100, given.rubric().maxPoints());
        assertNull(new RoundRules(null, null, 5, null, null, null, null, RUBRIC).withDefaults().judgesPerEntry(),
                "every judge scores every entry: a number per entry means nothing");
        assertEquals(Rubric.standard(Messages.CHINESE), given.rubric());
    }

    private static Scorecard card(Round round) {
        return new Scorecard(new RoundEntry(round, null, 1), null, ScorecardReason.PLANNED, NOW);
    }

    @Test
    void aDraftIsSavedThenSubmittedWithItsTotalFixed() {
        Round round = round(null);
        round.open(NOW);
        Scorecard card = card(round);
        card.save(Map.of("思想性", new BigDecimal("25")), " 主题鲜明 ", RUBRIC, NOW);
        assertEquals(ScorecardStatus.DRAFT, card.getStatus());
        assertEquals("主题鲜明", card.getComment());
        assertEquals("validation.required", key(assertThrows(InvalidInputException.class, () -> card.submit(RUBRIC, NOW))),
                "a criterion left out cannot be submitted");
        card.save(FULL, null, RUBRIC, NOW);
        card.submit(RUBRIC, NOW.plusSeconds(60));
        assertEquals(ScorecardStatus.SUBMITTED, card.getStatus());
        assertEquals(171, card.getTotalHalfPoints(), "85.5 points");
        assertEquals(NOW.plusSeconds(60), card.getSubmittedAt());
    }

    @Test
    void aSubmittedCardIsNotChangedUntilReopenedAndOnlyASubmittedOneIsReopened() {
        Round round = round(null);
        round.open(NOW);
        Scorecard card = card(round);
        assertEquals("judging.scorecard.notSubmitted", key(assertThrows(LaurelException.class, () -> card.reopen(NOW))));
        card.save(FULL, null, RUBRIC, NOW);
        card.submit(RUBRIC, NOW);
        assertEquals("judging.scorecard.submitted", key(assertThrows(LaurelException.class, () -> card.save(FULL, "改", RUBRIC, NOW))));
        assertEquals("judging.scorecard.submitted", key(assertThrows(LaurelException.class, () -> card.submit(RUBRIC, NOW))));
        card.reopen(NOW.plusSeconds(10));
        assertEquals(ScorecardStatus.DRAFT, card.getStatus());
        assertNull(card.getTotalHalfPoints());
        assertNull(card.getSubmittedAt());
        card.save(Map.of("思想性", new BigDecimal("20"), "真实性", new BigDecimal("60")), null, RUBRIC, NOW);
        card.submit(RUBRIC, NOW);
        assertEquals(160, card.getTotalHalfPoints());
    }

    @Test
    void anExtremeTotalNeedsAComment() {
        Round round = round(60);
        round.open(NOW);
        Scorecard card = card(round);
        card.save(Map.of("思想性", new BigDecimal("10"), "真实性", new BigDecimal("20")), null, RUBRIC, NOW);
        assertEquals("judging.comment.required", key(assertThrows(InvalidInputException.class, () -> card.submit(RUBRIC, NOW))));
        assertEquals(ScorecardStatus.DRAFT, card.getStatus());
        card.save(Map.of("思想性", new BigDecimal("10"), "真实性", new BigDecimal("20")), "偏离主题", RUBRIC, NOW);
        card.submit(RUBRIC, NOW);
        assertEquals(ScorecardStatus.SUBMITTED, card.getStatus());
    }

    @Test
    void aCardIsScoredOnlyWhileItsRoundIsOpen() {
        Round setup = round(null);
        assertEquals("judging.round.notOpen", key(assertThrows(LaurelException.class, () -> card(setup).save(FULL, null, RUBRIC, NOW))));
        Round closed = round(null);
        closed.open(NOW);
        Scorecard submitted = card(closed);
        submitted.save(FULL, null, RUBRIC, NOW);
        submitted.submit(RUBRIC, NOW);
        closed.close("[]", NOW);
        assertEquals("judging.round.closed", key(assertThrows(LaurelException.class, () -> card(closed).submit(RUBRIC, NOW))));
        assertEquals("judging.round.closed", key(assertThrows(LaurelException.class, () -> submitted.reopen(NOW))));
        assertEquals(ScorecardStatus.SUBMITTED, submitted.getStatus());
    }
}
