package app.laurel.campaign;

/** An office returned a unit's task report for correction, with a reason (fired inside the review's transaction). */
public record TaskReportReturned(long reportId) {
}
