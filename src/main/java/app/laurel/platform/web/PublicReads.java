package app.laurel.platform.web;

/**
 * A feature that wants to know when the public reads one of its addresses, whether the page comes from the
 * {@link PublicResponseFilter cache} or is rendered: the column counts its stories' views this way.
 */
public interface PublicReads {

    /** A GET of {@code path} (the address as typed, without context path and query) is being answered. */
    void served(String path);
}
