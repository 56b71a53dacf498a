package app.laurel.judging;

import java.util.List;

/** All the judges' totals for one entry in one round: a row of the score sheet. */
public record EntryTotals(long entryId, List<JudgeTotal> totals) {

    public EntryTotals {
        totals = List.copyOf(totals);
    }
}
