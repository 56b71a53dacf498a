package app.laurel.platform.time;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** File sizes read as a file manager shows them, not as a count of bytes. */
class FormatsTest {

    private final Formats fmt = new Formats();

    @Test
    void sizesAreInTheUnitAPersonReads() {
        assertEquals("512 B", fmt.size(512));
        assertEquals("38 KB", fmt.size(38 * 1024 + 100));
        assertEquals("1023 KB", fmt.size(1024 * 1024 - 1));
        assertEquals("2.3 MB", fmt.size(2_400_000));
        assertEquals("1.2 GB", fmt.size(1_300_000_000L));
    }
}
