package app.laurel.judging.web;

import app.laurel.judging.JudgeWork;
import app.laurel.judging.JudgingService;
import app.laurel.platform.persistence.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code /judge/index.xhtml}: the judge's scorecards in open rounds, grouped by contest and round (a judge on two
 * panels may hold two entries coded R1-001), each round with its progress; {@code ?todo=1} shows only the ones
 * not submitted yet; {@code ?page=2} the next fifty. Links, not a form: the filter and the page survive reloading
 * and the back button.
 */
@Named
@RequestScoped
public class ScorecardsBacking {

    @Inject
    private JudgingService judging;

    private boolean todo;
    private Integer page;
    private JudgeWork work;

    public JudgeWork getWork() {
        if (work == null) {
            work = judging.myWork(todo, Paging.of(page, null));
        }
        return work;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public boolean isTodo() {
        return todo;
    }

    public void setTodo(boolean todo) {
        this.todo = todo;
    }
}
