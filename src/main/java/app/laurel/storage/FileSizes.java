package app.laurel.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The largest file of each kind, in MB, for pages that state the rules before anyone uploads ({@code #{fileSizes}}). */
@Named
@ApplicationScoped
public class FileSizes {

    public long getImageMb() {
        return UploadService.MAX_IMAGE_BYTES / UploadLimits.MB;
    }

    public long getDocumentMb() {
        return UploadService.MAX_DOCUMENT_BYTES / UploadLimits.MB;
    }
}
