package app.laurel.campaign;

/** Where a unit's report on one task stands: waiting for the office, accepted, or sent back (退回修改). */
public enum ReportStatus {
    SUBMITTED, ACCEPTED, RETURNED
}
