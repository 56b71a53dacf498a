package app.laurel.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What Tika cannot read is damaged, except a photo's metadata: its header alone decides. */
class FileInspectorTest {

    @TempDir
    Path dir;

    private final FileInspector inspector = new FileInspector();

    @Test
    void aPhotoIsMeasuredAndOneWithoutAReadableHeaderIsDamaged() throws Exception {
        Path photo = MediaSamples.jpeg(dir, 1);
        Inspection read = inspector.inspect(photo, "image/jpeg", Files.size(photo), "0");
        assertEquals(64, read.width());
        assertEquals(32, read.height());

        byte[] bytes = Files.readAllBytes(photo);
        Path headless = Files.write(dir.resolve("headless.jpg"), Arrays.copyOf(bytes, 6));
        FileRefusal refused = assertThrows(FileRefusal.class, () -> inspector.inspect(headless, "image/jpeg", 6, "0"));
        assertEquals("upload.damaged", refused.messageKey());
    }
}
