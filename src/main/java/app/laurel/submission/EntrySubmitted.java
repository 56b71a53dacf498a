package app.laurel.submission;

/** An entry was submitted (or submitted again); observers that must see it committed watch AFTER_SUCCESS. */
public record EntrySubmitted(long entryId) {
}
