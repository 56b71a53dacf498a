package app.laurel.judging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a judge's save changed of the scores already stored, for the audit log: "思想性 25；感染力 18" before,
 * "思想性 27；感染力 16" after, criteria in the rubric's order. A score given for the first time changes nothing
 * stored, so scoring an entry is not logged; changing or clearing a stored score is.
 */
public record ScoreChange(String before, String after) {

    private static final String SEPARATOR = "；";

    /** Scores in half points by criterion; empty when no stored score differs. */
    public static Optional<ScoreChange> between(Map<String, Integer> stored, Map<String, Integer> saved, List<String> order) {
        Set<String> criteria = new LinkedHashSet<>(order);
        criteria.addAll(stored.keySet());
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (String criterion : criteria) {
            Integer old = stored.get(criterion);
            Integer now = saved.get(criterion);
            if (old != null && !old.equals(now)) {
                before.add(criterion + " " + points(old));
                after.add(criterion + " " + points(now));
            }
        }
        return before.isEmpty() ? Optional.empty()
                : Optional.of(new ScoreChange(String.join(SEPARATOR, before), String.join(SEPARATOR, after)));
    }

    private static String points(Integer halfPoints) {
        return halfPoints == null ? "—" : BigDecimal.valueOf(halfPoints).divide(BigDecimal.valueOf(2)).toPlainString();
    }
}
