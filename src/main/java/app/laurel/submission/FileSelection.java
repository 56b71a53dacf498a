package app.laurel.submission;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whose files the contest's ZIP holds. Drafts have no receipt number and a withdrawn entry was taken back by its
 * author, so neither is ever in it; "accepted" means passed screening and not taken out since (a winner passed too).
 */
public enum FileSelection {
    /** Every entry submitted and not withdrawn, whatever screening decided. */
    ALL(EnumSet.of(EntryStatus.SUBMITTED, EntryStatus.ACCEPTED, EntryStatus.RETURNED, EntryStatus.REJECTED,
            EntryStatus.WINNER, EntryStatus.DISQUALIFIED)),
    ACCEPTED(EnumSet.of(EntryStatus.ACCEPTED, EntryStatus.WINNER)),
    /** The final result: entries that became winners when the notice period ended. */
    WINNERS(EnumSet.of(EntryStatus.WINNER));

    private final Set<EntryStatus> statuses;

    FileSelection(Set<EntryStatus> statuses) {
        this.statuses = statuses;
    }

    public Set<EntryStatus> statuses() {
        return statuses;
    }
}
