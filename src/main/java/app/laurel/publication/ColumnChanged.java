package app.laurel.publication;

/** A story was published in, or taken down from, a contest's column (fired inside that transaction). */
public record ColumnChanged(String contestCode) {
}
