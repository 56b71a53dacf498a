package app.laurel.platform.persistence;

/**
 * One page of a list: which (from 1) and how long. Out-of-range values are brought into range rather than refused, as
 * {@code UnitSearch} does: a list has no wrong page, only an empty one.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static Paging of(Integer page, Integer size) {
        return new Paging(page == null ? 1 : Math.max(1, page),
                size == null ? DEFAULT_SIZE : Math.max(1, Math.min(MAX_SIZE, size)));
    }

    /** The index of the page's first row, for {@code setFirstResult}. */
    public int first() {
        return (page - 1) * size;
    }

    /** How many pages {@code total} rows fill; at least one, so that an empty list is page 1 of 1. */
    public int pages(long total) {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
