package app.laurel.notification;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a failed delivery again: {@code first} after the first failure, doubling after each further one, never
 * more than {@code cap} apart; after {@code maxAttempts} failures the message is given up. With the defaults (30 s,
 * 1 h, 30 attempts) a gateway may be away for about a day before anything is lost.
 */
public record Backoff(Duration first, Duration cap, int maxAttempts) {

    public Backoff {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("back-off needs 0 < first <= cap and at least one attempt");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt, or empty when that was the last one allowed. */
    public Optional<Duration> after(int attempts) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.max(0, attempts - 1);
        // Shifting past the cap's size would overflow; 2^40 times any sensible first wait is past any sensible cap.
        if (doublings >= 40) {
            return Optional.of(cap);
        }
        Duration wait = first.multipliedBy(1L << doublings);
        return Optional.of(wait.compareTo(cap) > 0 ? cap : wait);
    }
}
