package app.laurel.judging;

/** One criterion of a rubric (评分标准), e.g. 思想性 30; the primary one breaks ties. */
public record Criterion(String name, int maxPoints, boolean primary) {

    public Criterion {
        if (name == null || name.isBlank() || maxPoints <= 0) {
            throw new IllegalArgumentException("criterion " + name + " " + maxPoints);
        }
    }
}
