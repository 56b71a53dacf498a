package app.laurel.workspace;

/**
 * The one thing to do next ("下一步：起草公示"): the step it belongs to and the prompt as a bundle key with an
 * argument; {@code roundId} names the round when the prompt is about one (open it, close it).
 */
public record NextStep(Step step, String key, Object arg, Long roundId) {

    // Bean-style getters: pages read records through EL 5, which knows no record accessors.
    public Step getStep() {
        return step;
    }

    public Long getRoundId() {
        return roundId;
    }
}
