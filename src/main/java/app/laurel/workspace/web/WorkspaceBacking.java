package app.laurel.workspace.web;

import app.laurel.contest.Contest;
import app.laurel.platform.i18n.MessageBundle;
import app.laurel.platform.web.NotFound;
import app.laurel.workspace.ContestWorkspace;
import app.laurel.workspace.NextStep;
import app.laurel.workspace.StepState;
import app.laurel.workspace.WorkspaceService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * {@code /organiser/workspace.xhtml?code=HY2021}: the contest's steps in order with their states and what to do
 * next; without a code, the contests to choose from (where an organiser lands). Read-only, so request scoped.
 */
@Named
@RequestScoped
public class WorkspaceBacking {

    @Inject
    private WorkspaceService workspaces;

    @Inject
    private MessageBundle msg;

    private String code;
    private ContestWorkspace workspace;
    private List<Contest> contests;

    /** An unknown code answers 404, like any missing page; no code lists the contests. */
    public void load() {
        if (code == null || code.isBlank()) {
            contests = workspaces.contests();
        } else {
            workspace = NotFound.unless(() -> workspaces.workspace(code));
        }
    }

    public String text(StepState.Line line) {
        return msg.format(line.key(), line.getArgs());
    }

    public String prompt(NextStep next) {
        return msg.format(next.key(), next.arg());
    }

    public ContestWorkspace getWorkspace() {
        return workspace;
    }

    public List<Contest> getContests() {
        return contests;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
