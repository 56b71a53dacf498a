package app.laurel.submission;

/** Where an entry stands. */
public enum EntryStatus {
    /** Being written; only its owner sees it. */
    DRAFT,
    /** Submitted with a receipt number; waits for the organiser's screening (资格审查). */
    SUBMITTED,
    /** Passed screening: in the pool for judging. */
    ACCEPTED,
    /** Sent back for correction (退回修改) with a reason; may be fixed and resubmitted before the deadline. */
    RETURNED,
    /** Refused for good, with a reason. */
    REJECTED,
    /** Taken back by its owner before the deadline. */
    WITHDRAWN
}
