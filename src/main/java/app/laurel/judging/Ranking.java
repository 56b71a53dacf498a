package app.laurel.judging;

import java.util.List;

/**
 * A round's ranking: entries in order with their ranks, how many are to be selected, and the entries that share
 * a rank across the cut (places 10 and 11 equal when ten are selected), which an organiser must order, with a
 * written reason, before the round can close.
 */
public record Ranking(AggregationMethod method, int selectCount, List<RankedEntry> order, List<RankedEntry> tiedAtCut) {

    public Ranking {
        order = List.copyOf(order);
        tiedAtCut = List.copyOf(tiedAtCut);
    }

    public boolean hasTieAtCut() {
        return !tiedAtCut.isEmpty();
    }

    /** The entries selected, when no tie straddles the cut. */
    public List<RankedEntry> selected() {
        if (hasTieAtCut()) {
            throw new IllegalStateException("a tie at the cut must be resolved first");
        }
        return order.subList(0, Math.min(selectCount, order.size()));
    }
}
