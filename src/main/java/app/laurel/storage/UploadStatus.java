package app.laurel.storage;

/** Where a resumable upload stands: bytes received of the declared length, and the stored file once complete. */
public record UploadStatus(String id, long offset, long length, StoredFile file) {

    public boolean isComplete() {
        return file != null;
    }
}
