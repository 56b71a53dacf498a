package app.laurel.storage;

/**
 * What the bytes of a file turned out to be: the media type Tika detected, size and SHA-256, and what Tika read
 * from the content: a video's duration, an image's dimensions, a document's text (for search and 查重).
 */
public record Inspection(String mediaType, long sizeBytes, String sha256, Long durationMillis, Integer width,
                         Integer height, String text) {

    public FileKind kind() {
        return FileKind.of(mediaType);
    }
}
