package app.laurel.workspace;

/**
 * The steps of running a contest, in the order an organiser takes them, each with the organiser's page for it and
 * the name of that page's contest parameter (the set-up page calls it {@code code}, the others {@code contest}).
 */
public enum Step {
    SETUP("/organiser/contest", "code"),
    SCREENING("/organiser/screening", "contest"),
    JUDGING("/organiser/rounds", "contest"),
    NOTICE("/organiser/notice", "contest"),
    CERTIFICATES("/organiser/certificates", "contest"),
    PRIZES("/organiser/prizes", "contest"),
    COLUMN("/organiser/column", "contest");

    private final String outcome;
    private final String parameter;

    Step(String outcome, String parameter) {
        this.outcome = outcome;
        this.parameter = parameter;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getParameter() {
        return parameter;
    }

    public String getName() {
        return name();
    }
}
