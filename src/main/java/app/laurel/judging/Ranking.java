package app.laurel.judging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A round's ranking: entries in order with their ranks, how many are to be selected, and the entries that share
 * a rank across the cut (places 10 and 11 equal when ten are selected), which an organiser must settle, with a
 * written reason, before the round can close: by ordering them ({@link #ordered}) or by selecting them all
 * ({@link #selectingAll}).
 */
public record Ranking(AggregationMethod method, int selectCount, List<RankedEntry> order, List<RankedEntry> tiedAtCut,
                      int selectedSize, Set<Long> selectedIds) {

    /**
     * {@code selectedIds} is derived, not given: the selected entries' ids, so that asking whether an entry is
     * selected does not search the order (every row of a 40,000-entry ranking, its JSON and its score sheet asks).
     */
    public Ranking {
        order = List.copyOf(order);
        tiedAtCut = List.copyOf(tiedAtCut);
        selectedIds = Set.copyOf(selectedIds);
    }

    public Ranking(AggregationMethod method, int selectCount, List<RankedEntry> order, List<RankedEntry> tiedAtCut,
                   int selectedSize) {
        this(method, selectCount, order, tiedAtCut, selectedSize, tiedAtCut.isEmpty()
                ? order.subList(0, Math.max(0, Math.min(selectedSize, order.size()))).stream().map(RankedEntry::entryId)
                        .collect(java.util.stream.Collectors.toSet())
                : Set.of());
    }

    public Ranking(AggregationMethod method, int selectCount, List<RankedEntry> order, List<RankedEntry> tiedAtCut) {
        this(method, selectCount, order, tiedAtCut, Math.min(selectCount, order.size()));
    }

    public boolean hasTieAtCut() {
        return !tiedAtCut.isEmpty();
    }

    /** The entries selected, when no tie straddles the cut. */
    public List<RankedEntry> selected() {
        if (hasTieAtCut()) {
            throw new IllegalStateException("a tie at the cut must be resolved first");
        }
        return order.subList(0, selectedSize);
    }

    public boolean isSelected(RankedEntry entry) {
        return selectedIds.contains(entry.entryId());
    }

    /** True when {@code entryIds} are exactly the entries tied at the cut (in any order). */
    public boolean isTieGroup(List<Long> entryIds) {
        Set<Long> tied = new HashSet<>();
        tiedAtCut.forEach(e -> tied.add(e.entryId()));
        return hasTieAtCut() && entryIds.size() == tied.size() && tied.equals(new HashSet<>(entryIds));
    }

    /** The tied entries put in the organiser's order, each then holding its own place. */
    public Ranking ordered(List<Long> entryIds) {
        if (!isTieGroup(entryIds)) {
            throw new IllegalArgumentException("not the tie at the cut: " + entryIds);
        }
        int first = order.indexOf(tiedAtCut.get(0));
        List<RankedEntry> reordered = new ArrayList<>(order.subList(0, first));
        for (int i = 0; i < entryIds.size(); i++) {
            long id = entryIds.get(i);
            RankedEntry entry = tiedAtCut.stream().filter(e -> e.entryId() == id).findFirst().orElseThrow();
            reordered.add(entry.withRank(entry.rank() + i));
        }
        reordered.addAll(order.subList(first + tiedAtCut.size(), order.size()));
        return new Ranking(method, selectCount, reordered, List.of(), Math.min(selectCount, order.size()));
    }

    /** Every tied entry selected: the selection grows past the declared number. */
    public Ranking selectingAll() {
        if (!hasTieAtCut()) {
            throw new IllegalStateException("no tie at the cut");
        }
        int end = order.indexOf(tiedAtCut.get(tiedAtCut.size() - 1)) + 1;
        return new Ranking(method, selectCount, order, List.of(), end);
    }
}
