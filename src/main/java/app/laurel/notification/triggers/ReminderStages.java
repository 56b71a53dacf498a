package app.laurel.notification.triggers;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * When a deadline's reminders go out: at each of a few days before it (3 and 1 by default). A sweep that runs at
 * any time asks which stage a deadline is in; the stage is part of the message's idempotency key, so every sweep
 * within the same stage (a sweep run twice, or on two nodes) queues the reminder once, and the next stage queues
 * the next one. A sweep that first sees a deadline late (the server was down) sends only the nearest stage's
 * reminder, not all the missed ones at once.
 */
public record ReminderStages(List<Integer> days) {

    public ReminderStages {
        days = days.stream().filter(d -> d > 0).distinct().sorted().toList();
        if (days.isEmpty()) {
            throw new IllegalArgumentException("reminders need at least one number of days before the deadline");
        }
    }

    /** Read from configuration: {@code "3,1"}. */
    public static ReminderStages parse(String text) {
        return new ReminderStages(Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).toList());
    }

    /** How far ahead a sweep must look for deadlines. */
    public Duration horizon() {
        return Duration.ofDays(days.get(days.size() - 1));
    }

    /**
     * The stage {@code deadline} is in at {@code now}: the fewest days before it that {@code now} is already within
     * (2 days left with stages 3 and 1: stage 3); empty before the first stage and once the deadline has passed.
     */
    public OptionalInt stage(Instant deadline, Instant now) {
        if (!now.isBefore(deadline)) {
            return OptionalInt.empty();
        }
        Duration left = Duration.between(now, deadline);
        return days.stream().filter(d -> left.compareTo(Duration.ofDays(d)) <= 0).mapToInt(Integer::intValue).findFirst();
    }
}
