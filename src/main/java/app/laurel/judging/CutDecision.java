package app.laurel.judging;

/**
 * How an organiser settled entries sharing a rank across the cut (并列于入选线): ORDERED puts them in a written
 * order, SELECT_ALL selects every one of them (eleven instead of ten). Either needs a written reason.
 */
public enum CutDecision {
    ORDERED, SELECT_ALL
}
