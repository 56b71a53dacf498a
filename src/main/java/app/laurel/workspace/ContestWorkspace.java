package app.laurel.workspace;

import java.util.List;

/** A contest's workspace: its steps in order with their states, and the prompt for what to do next (null when all is done). */
public record ContestWorkspace(String code, String title, List<StepState> steps, NextStep next) {

    public ContestWorkspace {
        steps = List.copyOf(steps);
    }

    // Bean-style getters: pages read records through EL 5, which knows no record accessors.
    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public List<StepState> getSteps() {
        return steps;
    }

    public NextStep getNext() {
        return next;
    }
}
