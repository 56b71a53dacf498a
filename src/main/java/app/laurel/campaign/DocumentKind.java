package app.laurel.campaign;

/** A unit's campaign-level documents: its plan (工作方案) and its summary (工作总结). */
public enum DocumentKind {
    PLAN, SUMMARY
}
