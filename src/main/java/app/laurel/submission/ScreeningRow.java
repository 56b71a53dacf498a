package app.laurel.submission;

import java.io.Serializable;

/**
 * One line of the screening table, read as a projection (no entity, no story text): what the organiser sorts,
 * filters and selects by. {@code source} is the submitting unit, or the author for a citizen's own entry.
 */
public record ScreeningRow(long id, String receiptNo, String title, String category, String source, EntryStatus status,
                           boolean recommended, boolean mayRevealAuthor, boolean damaged) implements Serializable {

    // Bean-style getters: pages read records through EL 5, which knows no record accessors.
    public long getId() {
        return id;
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public String getTitle() {
        return title;
    }

    public String getCategory() {
        return category;
    }

    public String getSource() {
        return source;
    }

    public EntryStatus getStatus() {
        return status;
    }

    public boolean isRecommended() {
        return recommended;
    }

    public boolean isMayRevealAuthor() {
        return mayRevealAuthor;
    }

    public boolean isDamaged() {
        return damaged;
    }
}
