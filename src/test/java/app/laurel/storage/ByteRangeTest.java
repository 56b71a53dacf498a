package app.laurel.storage;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteRangeTest {

    @Test
    void theFormsAVideoPlayerSends() {
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.parse("bytes=0-", 1000));
        assertEquals(Optional.of(new ByteRange(500, 599)), ByteRange.parse("bytes=500-599", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=-100", 1000));
        assertEquals(Optional.of(new ByteRange(990, 999)), ByteRange.parse("bytes=990-5000", 1000), "clipped to the end");
        assertEquals(100, new ByteRange(500, 599).length());
    }

    @Test
    void pastTheEndIsUnsatisfiableAndOddHeadersMeanTheWholeFile() {
        assertFalse(ByteRange.parse("bytes=1000-", 1000).orElseThrow().isSatisfiable());
        assertFalse(ByteRange.parse("bytes=600-500", 1000).orElseThrow().isSatisfiable());
        assertTrue(ByteRange.parse(null, 1000).isEmpty());
        assertTrue(ByteRange.parse("bytes=0-10,20-30", 1000).isEmpty());
        assertTrue(ByteRange.parse("items=0-10", 1000).isEmpty());
        assertTrue(ByteRange.parse("bytes=-", 1000).isEmpty());
    }
}
