package app.laurel.judging;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ranking from the database's sums ({@link Ranker#rank(ScoreSums, AggregationMethod, int)}) is the ranking from
 * every total, digit for digit and in the same written form (7.50 stays 7.50), for every method, on seeded random
 * rounds with few distinct totals (so ties are everywhere), judges who missed entries and entries scored by fewer than
 * five judges (the trimmed mean's plain-mean case) or by one.
 */
class RankingFromSumsTest {

    @Test
    void everyMethodGivesTheSameFiguresFromSumsAsFromEveryTotal() {
        int ties = 0;
        for (long seed = 1; seed <= 15; seed++) {
            List<EntryTotals> sheet = randomRound(new Random(seed));
            for (AggregationMethod method : AggregationMethod.values()) {
                Ranking fromTotals = Ranker.rank(sheet, method, 5);
                Ranking fromSums = Ranker.rank(ScoreSums.of(sheet), method, 5);
                assertEquals(fromTotals, fromSums, "seed " + seed + ", " + method);
                for (int i = 0; i < fromTotals.order().size(); i++) {
                    RankedEntry a = fromTotals.order().get(i);
                    RankedEntry b = fromSums.order().get(i);
                    assertEquals(a.value().toPlainString(), b.value().toPlainString(), "written form, seed " + seed + ", " + method);
                    assertEquals(a.plainMean().toPlainString(), b.plainMean().toPlainString());
                    assertEquals(a.primaryMean().toPlainString(), b.primaryMean().toPlainString());
                    ties += i > 0 && a.rank() == fromTotals.order().get(i - 1).rank() ? 1 : 0;
                }
                if (method == AggregationMethod.ZSCORE) {
                    ScoreSums sums = ScoreSums.of(sheet);
                    // Cards in any order, an entry's cards apart, give the same z-scores to the last digit.
                    List<ScoreSums.Card> shuffled = new ArrayList<>(sums.cards());
                    Collections.shuffle(shuffled, new Random(seed));
                    assertEquals(fromSums, Ranker.rank(new ScoreSums(sums.entries(), sums.judges(), shuffled), method, 5),
                            "seed " + seed + ", cards shuffled");
                    for (RankedEntry e : fromTotals.order()) {
                        assertEquals(Ranker.rescaled(e.value(), sheet), Ranker.rescaled(e.value(), sums));
                    }
                }
            }
        }
        assertTrue(ties > 10, "the rounds had shared ranks to compare: " + ties);
    }

    @Test
    void aSumOfHalfPointsKeepsItsDecimalPlaceAsAddingThemUpDoes() {
        // 7.5 + 8.5 added up is written 16.0, and its mean 8.0; 8 + 8 is 16, and its mean 8. Both sum to 32 half points.
        List<EntryTotals> sheet = List.of(new EntryTotals(1, List.of(new JudgeTotal("a", 15, 3), new JudgeTotal("b", 17, 3))),
                new EntryTotals(2, List.of(new JudgeTotal("a", 16, 4), new JudgeTotal("b", 16, 4))));
        Ranking fromSums = Ranker.rank(ScoreSums.of(sheet), AggregationMethod.MEAN, 1);
        assertEquals("8.0", fromSums.order().get(1).value().toPlainString());
        assertEquals("8", fromSums.order().get(0).value().toPlainString());
        assertEquals(new BigDecimal("8.0"), Ranker.rank(sheet, AggregationMethod.MEAN, 1).order().get(1).value());
    }

    /** 12–30 entries, 3–9 judges, totals from a few values around 80 points, each judge skipping some entries. */
    private static List<EntryTotals> randomRound(Random random) {
        int judges = 3 + random.nextInt(7);
        int entries = 12 + random.nextInt(19);
        List<EntryTotals> sheet = new ArrayList<>();
        for (int e = 1; e <= entries; e++) {
            List<JudgeTotal> totals = new ArrayList<>();
            for (int j = 1; j <= judges; j++) {
                if (random.nextInt(5) == 0) {
                    continue;
                }
                int half = 150 + random.nextInt(4) * (random.nextBoolean() ? 1 : 2);
                totals.add(new JudgeTotal("j" + j, half, 30 + random.nextInt(5)));
            }
            if (totals.isEmpty()) {
                totals.add(new JudgeTotal("j1", 160, 32));
            }
            Collections.shuffle(totals, random);
            sheet.add(new EntryTotals(e * 7L, totals));
        }
        Collections.shuffle(sheet, random);
        return sheet;
    }

    @Test
    void halfPointsBecomePointsInTheValueAndScaleADivisionGives() {
        for (long h = -2001; h <= 2001; h++) {
            BigDecimal divided = BigDecimal.valueOf(h).divide(BigDecimal.valueOf(2), Ranker.PRECISION);
            assertEquals(divided, Ranker.half(h), "h = " + h);
            assertEquals(divided.toString(), Ranker.half(h).toString(), "h = " + h);
        }
        long sumOfAProvince = 360_000L * 2_000 + 1; // every card of a provincial round at its highest, plus a half
        assertEquals(BigDecimal.valueOf(sumOfAProvince).divide(BigDecimal.valueOf(2), Ranker.PRECISION).toString(),
                Ranker.half(sumOfAProvince).toString());
    }
}
