package app.laurel.workspace.web;

import app.laurel.workspace.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.List;

/** The steps in order for the step bar every organiser tool page includes ({@code WEB-INF/includes/steps.xhtml}). */
@Named
@ApplicationScoped
public class StepBar {

    private static final List<Step> STEPS = List.of(Step.values());

    public List<Step> getSteps() {
        return STEPS;
    }
}
