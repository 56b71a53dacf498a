package app.laurel.submission;

/** What the organiser narrows the screening list by; any part may be null. */
public record ScreeningFilter(Long unitId, Long categoryId, EntryStatus status, String text) {

    public static ScreeningFilter none() {
        return new ScreeningFilter(null, null, null, null);
    }
}
