package app.laurel.judging;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One entry's place in a ranking with the figures that decided it: the method's value, then the tie-breakers
 * in the order they apply (plain mean of totals, mean on the primary criterion, highest single total). Points,
 * not half points. Entries equal on all of them share a rank.
 */
public record RankedEntry(long entryId, BigDecimal value, BigDecimal plainMean, BigDecimal primaryMean,
                          BigDecimal highest, int scoreCount, int rank) {

    RankedEntry withRank(int newRank) {
        return new RankedEntry(entryId, value, plainMean, primaryMean, highest, scoreCount, newRank);
    }

    /** The value as shown on screens and notices: two decimals, half up. */
    public BigDecimal displayValue() {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
