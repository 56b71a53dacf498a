package app.laurel.judging;

/** A round was opened and every judge of its panel now holds scorecards (fired inside the opening's transaction). */
public record RoundOpened(long roundId) {
}
