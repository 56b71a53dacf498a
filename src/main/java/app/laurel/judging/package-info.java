/**
 * Judging (评审): rubrics, scores and how a round's scores become a ranking. The aggregation methods follow the
 * definitions in issue #4 exactly, so that anyone can recompute a published ranking from the score sheet:
 * totals are kept in integer half-points and values in {@link java.math.BigDecimal} at 34 significant digits,
 * rounded to two decimals only for display. {@link app.laurel.judging.ScoreSheetExport} writes a round's whole
 * score sheet (Excel, CSV) from which the ranking can be recomputed. Rounds, panels, assignment and the pages come
 * next.
 */
package app.laurel.judging;
