package app.laurel.platform.api;

/**
 * A JSON answer about an editable aggregate: it says which version it shows, and {@link VersionTags} sends that
 * version as the {@code ETag}, so a client can send it back in {@code If-Match} (or as {@code version}) when it writes.
 */
public interface Versioned {

    long version();
}
