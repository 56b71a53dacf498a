package app.laurel.storage;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Clears unfinished uploads nobody has touched for a week. A resumable upload must survive a night without
 * network, so pieces are kept for days; after that they are only taking disk space. Finished files are never
 * touched here.
 */
@Singleton
public class UploadJanitor {

    static final Duration KEEP_UNFINISHED = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(UploadJanitor.class.getName());

    @Inject
    private FileStore store;

    @Inject
    private Clock clock;

    @Schedule(hour = "3", minute = "17", persistent = false)
    void nightly() {
        try {
            int removed = purge(store.uploads(), clock.instant().minus(KEEP_UNFINISHED));
            if (removed > 0) {
                LOG.info(() -> "Removed " + removed + " abandoned upload files");
            }
        } catch (IOException e) {
            LOG.warning(() -> "Could not clear abandoned uploads: " + e);
        }
    }

    /** Deletes the {@code .part} and {@code .meta} files in {@code uploads} last written before {@code cutoff}. */
    static int purge(Path uploads, Instant cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(uploads, "*.{part,meta}")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
