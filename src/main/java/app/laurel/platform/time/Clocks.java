package app.laurel.platform.time;

import app.laurel.platform.config.LaurelConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The server's clock decides every deadline, in China Standard Time whatever the host's zone is.
 * Services take a {@link Clock} so that domain rules can be tested with a fixed one, and integration tests move
 * it forward ({@link SettableClock}, only when {@code laurel.clock.offset-file} is set).
 */
@ApplicationScoped
public class Clocks {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @ApplicationScoped
    Clock clock(LaurelConfig config) {
        // Millisecond ticks: the database keeps DATETIME(3), so what a service returns equals what it stored.
        Clock clock = Clock.tickMillis(ZONE);
        return config.clockOffsetFile().<Clock>map(file -> new SettableClock(clock, file)).orElse(clock);
    }
}
