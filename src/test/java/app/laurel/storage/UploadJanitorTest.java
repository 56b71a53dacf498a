package app.laurel.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadJanitorTest {

    @Test
    void onlyUnfinishedUploadsUntouchedForAWeekAreRemoved(@TempDir Path uploads) throws Exception {
        Instant now = Instant.parse("2026-06-10T10:00:00Z");
        Path stale = touch(uploads.resolve("aa.part"), now.minus(Duration.ofDays(8)));
        Path staleMeta = touch(uploads.resolve("aa.meta"), now.minus(Duration.ofDays(8)));
        Path resuming = touch(uploads.resolve("bb.part"), now.minus(Duration.ofDays(2)));
        Path other = touch(uploads.resolve("notes.txt"), now.minus(Duration.ofDays(30)));

        Path longMeta = touch(uploads.resolve("cc.meta"), now.minus(Duration.ofDays(9)));
        Path longPart = touch(uploads.resolve("cc.part"), now.minus(Duration.ofHours(1)));

        assertEquals(2, UploadJanitor.purge(uploads, now.minus(Duration.ofDays(7))));
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(staleMeta));
        assertTrue(Files.exists(resuming), "an upload resumed two days ago is kept");
        assertTrue(Files.exists(longMeta), "declared nine days ago, but bytes arrived an hour ago: both halves kept");
        assertTrue(Files.exists(longPart));
        assertTrue(Files.exists(other), "only upload pieces are touched");
    }

    private static Path touch(Path file, Instant modified) throws Exception {
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
