package app.laurel.judging;

/** One judge's total for one entry, and their score on the primary criterion, both in half points. */
public record JudgeTotal(String judge, int totalHalfPoints, int primaryHalfPoints) {
}
