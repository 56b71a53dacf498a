package app.laurel.judging;

/**
 * One criterion of a rubric (评分标准), e.g. 思想性 30 with what the judges should look for; the primary one
 * breaks ties.
 */
public record Criterion(String name, String description, int maxPoints, boolean primary) {

    public Criterion {
        if (name == null || name.isBlank() || name.length() > 30 || maxPoints <= 0 || maxPoints > 1000
                || (description != null && description.length() > 300)) {
            throw new IllegalArgumentException("criterion " + name + " " + maxPoints);
        }
        description = description == null || description.isBlank() ? null : description.strip();
    }

    /** A criterion as a form or a request gives it: a maximum left out is 0 (refused), primary only when said so. */
    public static Criterion typed(String name, String description, Integer maxPoints, Boolean primary) {
        return new Criterion(name, description, maxPoints == null ? 0 : maxPoints, Boolean.TRUE.equals(primary));
    }

    public Criterion(String name, int maxPoints, boolean primary) {
        this(name, null, maxPoints, primary);
    }
}
