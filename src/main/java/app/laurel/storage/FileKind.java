package app.laurel.storage;

import java.util.Set;

/** The kinds of file Laurel accepts, each a fixed set of media types as Tika names them from the bytes. */
public enum FileKind {
    IMAGE(Set.of("image/jpeg", "image/png", "image/gif", "image/webp")),
    DOCUMENT(Set.of("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
    VIDEO(Set.of("video/mp4", "video/quicktime", "video/x-m4v", "video/webm")),
    OTHER(Set.of());

    private final Set<String> mediaTypes;

    FileKind(Set<String> mediaTypes) {
        this.mediaTypes = mediaTypes;
    }

    public static FileKind of(String mediaType) {
        for (FileKind kind : values()) {
            if (kind.mediaTypes.contains(mediaType)) {
                return kind;
            }
        }
        return OTHER;
    }

    public Set<String> mediaTypes() {
        return mediaTypes;
    }
}
