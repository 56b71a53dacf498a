package app.laurel.publication;

import java.util.List;

/**
 * One page of a contest's column, newest first, with what pagination needs: the page asked for (from 1), the
 * number of items in the whole list (of the category, when one is chosen) and the number of pages.
 */
public record ColumnPage(List<ColumnStory> items, int pageNo, int pageSize, long total) {

    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return pageNo > 1;
    }

    public boolean hasNext() {
        return pageNo < pageCount();
    }
}
