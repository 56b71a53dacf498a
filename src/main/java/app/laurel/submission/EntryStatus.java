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
    WITHDRAWN,
    /** Selected in the final result once the public notice (公示) has ended. */
    WINNER,
    /** Taken out of the result after an objection (异议) was upheld during the public notice. */
    DISQUALIFIED;

    /** Entries that may appear in public: accepted for judging or in the final result, never disqualified. */
    public boolean isPublishable() {
        return this == ACCEPTED || this == WINNER;
    }
}
