package app.laurel.storage;

import app.laurel.platform.error.LaurelException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static app.laurel.storage.UploadLimits.MB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UploadLimitsTest {

    private final UploadLimits limits = new UploadLimits(20, 1000 * MB, 5000 * MB, 100 * MB, Duration.ofDays(7));

    @Test
    void aPersonMayHaveTwentyOpenUploadsAndNoMore() {
        assertDoesNotThrow(() -> limits.checkAccount(UploadLimits.Holder.PERSON, 19, 0, MB));
        LaurelException refused = assertThrows(LaurelException.class,
                () -> limits.checkAccount(UploadLimits.Holder.PERSON, 20, 0, MB));
        assertEquals("upload.tooManyOpen", refused.messageKey());
        assertArrayEquals(new Object[]{20L, 7L}, refused.args());
    }

    @Test
    void storedAndDeclaredBytesTogetherStayWithinTheLimitOfWhoeverDeclares() {
        assertDoesNotThrow(() -> limits.checkAccount(UploadLimits.Holder.PERSON, 0, 600 * MB, 400 * MB));
        LaurelException refused = assertThrows(LaurelException.class,
                () -> limits.checkAccount(UploadLimits.Holder.PERSON, 0, 600 * MB, 400 * MB + 1));
        assertEquals("upload.quotaExceeded", refused.messageKey());
        assertArrayEquals(new Object[]{401L, 1000L, 600L}, refused.args(), "MB rounded up, the limit, what is used");
        assertDoesNotThrow(() -> limits.checkAccount(UploadLimits.Holder.UNIT, 0, 600 * MB, 4000 * MB), "a unit has more");
        assertDoesNotThrow(() -> limits.checkAccount(UploadLimits.Holder.UNLIMITED, 500, 90_000 * MB, 4000 * MB));
    }

    @Test
    void theDiskMustHoldEveryOpenUploadAndTheReserve() {
        assertDoesNotThrow(() -> limits.checkDisk(1000 * MB, 400 * MB, 500 * MB));
        LaurelException refused = assertThrows(LaurelException.class, () -> limits.checkDisk(1000 * MB, 400 * MB, 500 * MB + 1));
        assertEquals("upload.diskFull", refused.messageKey());
        assertArrayEquals(new Object[]{501L, 500L}, refused.args());
        assertArrayEquals(new Object[]{1L, 0L}, assertThrows(LaurelException.class, () -> limits.checkDisk(50 * MB, 0, 1)).args(),
                "less free than the reserve: nothing can be taken");
    }
}
