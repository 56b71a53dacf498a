package app.laurel.judging;

/** ALL: every judge scores every entry. BALANCED: each entry gets a set number of judges, load spread evenly. */
public enum AssignmentMode {
    ALL, BALANCED
}
