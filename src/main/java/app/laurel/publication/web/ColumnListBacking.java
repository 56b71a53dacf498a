package app.laurel.publication.web;

import app.laurel.contest.Contest;
import app.laurel.contest.ContestService;
import app.laurel.platform.web.NotFound;
import app.laurel.publication.ColumnPage;
import app.laurel.publication.ColumnService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The public column of a contest, {@code /column/HY2021?category=3&page=2} (forwarded to
 * {@code /column/index.xhtml}): twelve stories a page, newest first, filtered by category. No login needed.
 * The category and page come as text and a wrong one means "all" and page 1, since they arrive in shared links.
 */
@Named
@RequestScoped
public class ColumnListBacking {

    @Inject
    private ColumnService column;

    @Inject
    private ContestService contests;

    private String contestCode;
    private String category;
    private String pageNo;
    private Contest contest;
    private ColumnPage page;

    /** An unknown contest answers 404 with the error page (see {@link NotFound#answer()}). */
    public void load() {
        contest = NotFound.unless(() -> contests.byCode(contestCode));
        if (contest != null) {
            page = NotFound.unless(() -> column.page(contestCode, getCategoryId(), number(pageNo, 1)));
        }
    }

    public Long getCategoryId() {
        long id = number(category, 0);
        return id > 0 ? id : null;
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    public Contest getContest() {
        return contest;
    }

    public ColumnPage getPage() {
        return page;
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getPageNo() {
        return pageNo;
    }

    public void setPageNo(String pageNo) {
        this.pageNo = pageNo;
    }
}
