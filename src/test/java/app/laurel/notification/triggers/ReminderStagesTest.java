package app.laurel.notification.triggers;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** When a deadline's reminders go out: the stage a sweep at any moment sees, which the message key is made of. */
class ReminderStagesTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Judging closes 2026-12-10 18:00 Beijing time. */
    private static final Instant DEADLINE = LocalDateTime.of(2026, 12, 10, 18, 0).atZone(BEIJING).toInstant();
    private final ReminderStages stages = ReminderStages.parse(" 1, 3 ");

    @Test
    void nothingBeforeThreeDaysAhead() {
        assertEquals(OptionalInt.empty(), stages.stage(DEADLINE, at(2026, 12, 7, 17, 59)));
        assertEquals(Duration.ofDays(3), stages.horizon());
    }

    @Test
    void theThreeDayReminderFromExactlyThreeDaysUntilTheLastDay() {
        assertEquals(OptionalInt.of(3), stages.stage(DEADLINE, at(2026, 12, 7, 18, 0)));
        assertEquals(OptionalInt.of(3), stages.stage(DEADLINE, at(2026, 12, 8, 9, 0)));
        assertEquals(OptionalInt.of(3), stages.stage(DEADLINE, at(2026, 12, 9, 17, 59)));
    }

    @Test
    void theOneDayReminderInTheLastDay() {
        assertEquals(OptionalInt.of(1), stages.stage(DEADLINE, at(2026, 12, 9, 18, 0)));
        assertEquals(OptionalInt.of(1), stages.stage(DEADLINE, at(2026, 12, 10, 17, 59)));
    }

    /** A sweep that first sees the deadline in its last day (the server was down) sends one reminder, not two. */
    @Test
    void aLateSweepSeesOnlyTheNearestStage() {
        assertEquals(OptionalInt.of(1), stages.stage(DEADLINE, at(2026, 12, 10, 12, 0)));
    }

    @Test
    void nothingOnceTheDeadlineHasPassed() {
        assertEquals(OptionalInt.empty(), stages.stage(DEADLINE, DEADLINE));
        assertEquals(OptionalInt.empty(), stages.stage(DEADLINE, at(2026, 12, 11, 9, 0)));
    }

    @Test
    void aSingleStageAndNonsenseRefused() {
        ReminderStages once = ReminderStages.parse("2");
        assertEquals(OptionalInt.of(2), once.stage(DEADLINE, at(2026, 12, 10, 17, 0)));
        assertThrows(IllegalArgumentException.class, () -> ReminderStages.parse("0"));
        assertThrows(NumberFormatException.class, () -> ReminderStages.parse("three"));
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BEIJING).toInstant();
    }
}
