package app.laurel.storage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a parser does on hostile content, the upload ends in a refusal, and in time. */
class BoundedCheckTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    @Test
    void aStackOverflowAndAnExhaustedHeapAreRefusedAsTooComplex() {
        assertEquals("upload.tooComplex", refusal(() -> recurse(0)));
        assertEquals("upload.tooComplex", refusal(() -> new long[Integer.MAX_VALUE - 1].length));
    }

    @Test
    void aParserThatRunsAwayIsRefusedWhenTheTimeIsUp() {
        long start = System.nanoTime();
        assertEquals("upload.tooComplex", refusal(() -> {
            // Stops when interrupted, as the refusal asks, so that it does not spin on through the other tests.
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            return 0;
        }));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(LIMIT.multipliedBy(3)) < 0, "answered in time");
    }

    @Test
    void anyOtherFailureIsADamagedFileAndARefusalStaysWhatItSays() {
        assertEquals("upload.damaged", refusal(() -> {
            throw new IOException("cut short");
        }));
        assertEquals("upload.damaged", refusal(() -> {
            throw new IllegalStateException("a parser's bug");
        }));
        assertEquals("upload.pdfXfa", refusal(() -> {
            throw new FileRefusal("upload.pdfXfa");
        }));
    }

    @Test
    void aCheckThatSucceedsGivesItsResult() throws FileRefusal {
        assertEquals(42, BoundedCheck.run("a test", LIMIT, () -> 42));
    }

    private static String refusal(BoundedCheck.Check<?> check) {
        return assertThrows(FileRefusal.class, () -> BoundedCheck.run("a test", LIMIT, check)).messageKey();
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
