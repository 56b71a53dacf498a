package app.laurel.workspace;

import java.util.List;

/**
 * One step as the workspace shows it: whether it is still to come, under way or done, and its state in lines of
 * text, each a bundle key with its arguments ("12 件待审 · 30 件已受理").
 */
public record StepState(Step step, Progress progress, List<Line> lines) {

    public enum Progress { TODO, ACTIVE, DONE }

    /** A bundle key and its arguments. */
    public record Line(String key, List<Object> args) {

        public static Line of(String key, Object... args) {
            return new Line(key, List.of(args));
        }

        public Object[] getArgs() {
            return args.toArray();
        }
    }

    public StepState {
        lines = List.copyOf(lines);
    }

    // Bean-style getters: pages read records through EL 5, which knows no record accessors.
    public Step getStep() {
        return step;
    }

    public Progress getProgress() {
        return progress;
    }

    public List<Line> getLines() {
        return lines;
    }
}
