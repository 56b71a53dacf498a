package app.laurel.publication;

import app.laurel.submission.Entry;

/**
 * An entry an organiser may publish in the column (accepted or selected, with the author's consent to public
 * display), with its column item when it is already published.
 */
public record ColumnCandidate(Entry entry, ColumnItem item) {

    public boolean published() {
        return item != null;
    }

    /** Who wrote it, for the organiser (never for the public): the author named in the entry, else its owner. */
    public String authorName() {
        return entry.getCreditedName();
    }

    /** Whether the public sees it now; an entry disqualified after publication or without consent is not shown. */
    public boolean visible() {
        return item != null && item.isVisible();
    }
}
