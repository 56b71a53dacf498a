package app.laurel.contest;

/** A contest was created or its settings changed (fired inside that transaction). */
public record ContestChanged(String code) {
}
