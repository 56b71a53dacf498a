package app.laurel.identity;

import java.util.List;

/**
 * One page of units found by part of their name and, optionally, their type: what an API client needs to turn
 * a township's name into the id that enrolment asks for. Pages count from 1.
 */
public record UnitSearch(String text, UnitType type, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** Out-of-range paging is brought into range rather than refused: a list has no wrong page, only an empty one. */
    public static UnitSearch of(String text, UnitType type, Integer page, Integer size) {
        String trimmed = text == null || text.isBlank() ? null : text.strip();
        int s = size == null ? DEFAULT_SIZE : Math.max(1, Math.min(MAX_SIZE, size));
        return new UnitSearch(trimmed, type, page == null ? 1 : Math.max(1, page), s);
    }

    public int offset() {
        return (page - 1) * size;
    }

    /** The units of one page and how many match in all. */
    public record Result(List<Unit> units, long total) {
    }
}
