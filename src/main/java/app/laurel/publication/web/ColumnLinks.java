package app.laurel.publication.web;

import app.laurel.publication.ColumnService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.HashMap;
import java.util.Map;

/**
 * The column's addresses as pages print them, always in the clean form ({@link ColumnUrlFilter}):
 * {@code #{columnLinks.story('HY2021', 57)}}. Also tells the contest page whether its column has anything to
 * show, so the "专栏" link appears only then.
 */
@Named
@RequestScoped
public class ColumnLinks {

    @Inject
    private ColumnService column;

    private final Map<String, Boolean> hasItems = new HashMap<>();

    public String list(String contestCode) {
        return context() + ColumnUrlFilter.path(contestCode, null);
    }

    /** A page of the list, of one category or all ({@code null}); page 1 and "all" are left out of the address. */
    public String listPage(String contestCode, Long categoryId, int pageNo) {
        StringBuilder query = new StringBuilder();
        if (categoryId != null) {
            query.append("category=").append(categoryId);
        }
        if (pageNo > 1) {
            query.append(query.isEmpty() ? "" : "&").append("page=").append(pageNo);
        }
        return list(contestCode) + (query.isEmpty() ? "" : "?" + query);
    }

    public String story(String contestCode, Long itemId) {
        return context() + ColumnUrlFilter.path(contestCode, itemId);
    }

    public String media(Long itemId, Long fileId) {
        return context() + "/column-media/" + itemId + "/" + fileId;
    }

    public boolean hasItems(String contestCode) {
        // Asked more than once per render (a component's "rendered"); the count is made once.
        return hasItems.computeIfAbsent(contestCode, column::hasItems);
    }

    private static String context() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }
}
