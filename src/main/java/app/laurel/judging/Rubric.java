package app.laurel.judging;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The criteria a panel scores by. Scores are given in half points from 0 to each criterion's maximum; a judge's
 * total for an entry is the sum, kept as an integer number of half points so that sums are exact.
 */
public record Rubric(List<Criterion> criteria) {

    public Rubric {
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty() || criteria.stream().filter(Criterion::primary).count() != 1) {
            throw new IllegalArgumentException("a rubric needs criteria and exactly one primary criterion");
        }
        // Names identify scores; the database compares them ignoring case and trailing spaces, so must we.
        if (criteria.stream().map(c -> c.name().strip().toLowerCase(java.util.Locale.ROOT)).distinct().count() != criteria.size()) {
            throw new IllegalArgumentException("criterion names must differ");
        }
    }

    /**
     * A rubric from what an organiser entered (page or API): criteria that cannot form a rubric (a blank name, a
     * maximum of 0, two with one name) are one clear field error, not a crash; not exactly one primary is an error of
     * the field that names it.
     */
    public static Rubric checked(java.util.function.Supplier<List<Criterion>> criteria) {
        try {
            List<Criterion> given = criteria.get();
            // The page picks the primary criterion from a list; that it names none of the criteria is said beside it.
            if (!given.isEmpty() && given.stream().filter(Criterion::primary).count() != 1) {
                throw app.laurel.platform.error.InvalidInputException.of("primary", "judging.round.primary");
            }
            return new Rubric(given);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("criteria", "judging.round.rubric");
        }
    }

    /**
     * The rubric county contests use, in the organiser's language (思想性 30, 真实性 30, 感染力 20, 表现力 20 in
     * Chinese), from the bundle lines "name|description|maximum"; the first is primary. A round left without
     * criteria takes it, and the page's form starts with it.
     */
    public static Rubric standard(java.util.Locale locale) {
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String[] parts = app.laurel.platform.i18n.Messages.text(locale, "rounds.defaultCriterion." + i).split("\\|");
            criteria.add(new Criterion(parts[0], parts[1], Integer.parseInt(parts[2]), i == 1));
        }
        return new Rubric(criteria);
    }

    public int maxPoints() {
        return criteria.stream().mapToInt(Criterion::maxPoints).sum();
    }

    public Criterion primary() {
        return criteria.stream().filter(Criterion::primary).findFirst().orElseThrow();
    }

    /** Every score must be there, a number of half points, between 0 and the criterion's maximum. */
    public List<FieldError> check(Map<String, BigDecimal> scores) {
        List<FieldError> errors = new ArrayList<>();
        for (Criterion criterion : criteria) {
            BigDecimal score = scores.get(criterion.name());
            if (score == null) {
                errors.add(new FieldError(criterion.name(), "validation.required"));
            } else if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(criterion.maxPoints())) > 0) {
                errors.add(new FieldError(criterion.name(), "score.range", criterion.maxPoints()));
            } else if (score.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError(criterion.name(), "score.halfPoints"));
            }
        }
        for (String name : scores.keySet()) {
            if (criteria.stream().noneMatch(c -> c.name().equals(name))) {
                errors.add(new FieldError(name, "score.unknownCriterion"));
            }
        }
        return errors;
    }

    /**
     * Scores as a judge typed them (page or API): blank is "not scored yet"; full-width digits count; anything else
     * that is not a plain number, or a number out of range, is refused beside its criterion, all at once. What a
     * browser widget used to do silently (35 cut to 3, letters dropped) is the server's to refuse, in words.
     */
    public Map<String, BigDecimal> read(Map<String, String> typed) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        typed.forEach((name, text) -> {
            String plain = text == null ? "" : halfWidth(text.strip());
            if (plain.isEmpty()) {
                return;
            }
            if (!plain.matches("-?\\d{1,6}(\\.\\d{1,6})?")) {
                errors.add(new FieldError(name, "score.notNumber"));
                return;
            }
            scores.put(name, new BigDecimal(plain));
        });
        check(scores).stream().filter(e -> !"validation.required".equals(e.messageKey())).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return scores;
    }

    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c == '．' ? '.' : c);
        }
        return out.toString();
    }

    /** The total in half points of scores that passed {@link #check}. */
    public int totalHalfPoints(Map<String, BigDecimal> scores) {
        return criteria.stream().mapToInt(c -> scores.get(c.name()).multiply(BigDecimal.valueOf(2)).intValueExact()).sum();
    }

    public int primaryHalfPoints(Map<String, BigDecimal> scores) {
        return scores.get(primary().name()).multiply(BigDecimal.valueOf(2)).intValueExact();
    }
}
