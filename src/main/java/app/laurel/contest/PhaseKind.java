package app.laurel.contest;

/** The dated stages of a contest, in the order the customer's documents run them. */
public enum PhaseKind {
    /** 征集: entries may be submitted. */
    SUBMISSION,
    /** 摸底推选: units choose which entries count against their quota. */
    UNIT_SELECTION,
    /** 评审: judges score. */
    JUDGING,
    /** 公示: the selected entries are on public notice and objections are heard. */
    NOTICE,
    /** 颁奖: winners, prizes and certificates. */
    AWARD
}
