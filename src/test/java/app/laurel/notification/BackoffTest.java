package app.laurel.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How long a message waits after each failed attempt, and when it is given up. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 30);

    @Test
    void theWaitDoublesFromTheFirstUpToTheCap() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), backoff.after(1));
        assertEquals(Optional.of(Duration.ofMinutes(1)), backoff.after(2));
        assertEquals(Optional.of(Duration.ofMinutes(2)), backoff.after(3));
        assertEquals(Optional.of(Duration.ofMinutes(32)), backoff.after(7));
        assertEquals(Optional.of(Duration.ofHours(1)), backoff.after(8), "64 min is past the cap");
        assertEquals(Optional.of(Duration.ofHours(1)), backoff.after(29));
    }

    @Test
    void afterTheLastAllowedAttemptTheMessageIsGivenUp() {
        assertEquals(Optional.empty(), backoff.after(30));
        assertEquals(Optional.empty(), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).after(1));
    }

    @Test
    void manyAttemptsDoNotOverflowPastTheCap() {
        Backoff patient = new Backoff(Duration.ofSeconds(1), Duration.ofDays(1), 1000);
        assertEquals(Optional.of(Duration.ofDays(1)), patient.after(63));
        assertEquals(Optional.of(Duration.ofDays(1)), patient.after(999));
    }

    @Test
    void aCapBelowTheFirstWaitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 3));
    }
}
