package app.laurel.publication.web;

import app.laurel.platform.error.LaurelException;
import app.laurel.platform.web.NotFound;
import app.laurel.publication.ColumnService;
import app.laurel.publication.ColumnStory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One story of the public column, {@code /column/HY2021/57} (forwarded to {@code /column/story.xhtml}). Opening
 * the page counts a view; rendering it again after a postback (the language switch) does not.
 */
@Named
@RequestScoped
public class ColumnStoryBacking {

    @Inject
    private ColumnService column;

    private String contestCode;
    private String id;
    private ColumnStory story;

    /** The view action; the view itself is counted as the page is served (ColumnViews), rendered or cached. */
    public void load() {
        story = NotFound.unless(() -> column.peek(contestCode, itemId()));
    }

    /**
     * The story; on a postback (the language switch) once the parameters are applied. Before that (while the form is decoded) it is null, and the page renders nothing of it.
     */
    public ColumnStory getStory() {
        if (story == null && contestCode != null && id != null) {
            story = column.peek(contestCode, itemId());
        }
        return story;
    }

    private long itemId() {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw LaurelException.notFound("column.notFound");
        }
        return Long.parseLong(id);
    }

    public String getContestCode() {
        return contestCode;
    }

    public void setContestCode(String contestCode) {
        this.contestCode = contestCode;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
