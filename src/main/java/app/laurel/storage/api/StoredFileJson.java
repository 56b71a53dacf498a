package app.laurel.storage.api;

import app.laurel.storage.StoredFile;

/** A stored file as its owner sees it through the API: what Tika found, the size and the SHA-256. */
public record StoredFileJson(long id, String originalName, String mediaType, long sizeBytes, String sha256,
                             Long durationMillis, Integer width, Integer height) {

    public static StoredFileJson of(StoredFile file) {
        return new StoredFileJson(file.getId(), file.getOriginalName(), file.getMediaType(), file.getSizeBytes(),
                file.getSha256(), file.getDurationMillis(), file.getWidth(), file.getHeight());
    }
}
