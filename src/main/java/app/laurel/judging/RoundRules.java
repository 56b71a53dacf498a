package app.laurel.judging;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.i18n.Messages;

import java.util.Optional;

/**
 * The rules a round declares before scoring starts. What is left out takes the defaults a county contest would
 * choose, the same for the page (which starts its form with them) and the API: every judge scores every entry (or
 * three per entry when balanced), the trimmed mean (去掉一个最高分和一个最低分), one score at least per entry,
 * disagreement above 20 % of the rubric's maximum, ten selected (all of them when the round has fewer entries, see
 * {@link #withDefaults(int)}), and the standard rubric ({@link Rubric#standard}). A comment becomes required when a judge's total is below {@code commentBelow}
 * or above {@code commentAbove} points (an extreme score must be explained).
 */
public record RoundRules(String name, AssignmentMode mode, Integer judgesPerEntry, AggregationMethod method,
                         Integer minScores, Integer disagreementPct, Integer selectCount, Rubric rubric,
                         Integer commentBelow, Integer commentAbove) {

    public static final int DEFAULT_MIN_SCORES = 1;
    public static final int DEFAULT_DISAGREEMENT_PCT = 20;
    public static final int DEFAULT_SELECT = 10;
    public static final int DEFAULT_JUDGES_PER_ENTRY = 3;

    public RoundRules(String name, AssignmentMode mode, Integer judgesPerEntry, AggregationMethod method,
                      Integer minScores, Integer disagreementPct, Integer selectCount, Rubric rubric) {
        this(name, mode, judgesPerEntry, method, minScores, disagreementPct, selectCount, rubric, null, null);
    }

    /**
     * These rules for a round of {@code entries} entries, defaults filled: 评选数量 left out is ten, or every entry
     * when there are fewer, so that what the round page says it selects is what it can select.
     */
    public RoundRules withDefaults(int entries) {
        Integer select = selectCount != null ? selectCount : Integer.valueOf(Math.max(1, Math.min(DEFAULT_SELECT, entries)));
        return new RoundRules(name, mode, judgesPerEntry, method, minScores, disagreementPct, select, rubric,
                commentBelow, commentAbove).withDefaults();
    }

    /**
     * 评选数量 is possible when it is at least one and no more than the entries the round judges: selecting 102 of
     * three entries is a typing slip, not a rule. Empty when it is possible.
     */
    public Optional<FieldError> selectCountRefusal(int entries) {
        return selectCount != null && (selectCount < 1 || selectCount > entries)
                ? Optional.of(new FieldError("selectCount", "judging.round.selectCount", entries))
                : Optional.empty();
    }

    /** These rules with every number the organiser left out filled with its default. */
    public RoundRules withDefaults() {
        return new RoundRules(name == null ? null : name.strip(), mode == null ? AssignmentMode.ALL : mode,
                mode != AssignmentMode.BALANCED ? null : judgesPerEntry == null ? DEFAULT_JUDGES_PER_ENTRY : judgesPerEntry,
                method == null ? AggregationMethod.TRIMMED_MEAN : method,
                minScores == null ? DEFAULT_MIN_SCORES : minScores,
                disagreementPct == null ? DEFAULT_DISAGREEMENT_PCT : disagreementPct,
                selectCount == null ? DEFAULT_SELECT : selectCount, rubric == null ? Rubric.standard(Messages.CHINESE) : rubric,
                commentBelow, commentAbove);
    }
}
