package app.laurel.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-06-10T10:00:00Z");
    private static final int FREE = LoginThrottle.FREE_PER_ACCOUNT;

    @Test
    void nineFailuresDoNotBlock() {
        assertTrue(LoginThrottle.blockedUntil(new LoginThrottle.Count(9, T0), FREE, T0).isEmpty());
    }

    @Test
    void theTenthFailureMeansThirtySecondsThenDoublingUpToFifteenMinutes() {
        assertEquals(T0.plusSeconds(30), LoginThrottle.blockedUntil(new LoginThrottle.Count(10, T0), FREE, T0.plusSeconds(1)).orElseThrow());
        assertTrue(LoginThrottle.blockedUntil(new LoginThrottle.Count(10, T0), FREE, T0.plusSeconds(30)).isEmpty(),
                "free again after the wait");
        assertEquals(T0.plusSeconds(60), LoginThrottle.blockedUntil(new LoginThrottle.Count(11, T0), FREE, T0).orElseThrow());
        assertEquals(T0.plus(Duration.ofMinutes(15)), LoginThrottle.blockedUntil(new LoginThrottle.Count(40, T0), FREE, T0).orElseThrow());
    }

    @Test
    void aCountIsForgottenAfterAnHourWithoutFailures() {
        LoginThrottle.Count count = new LoginThrottle.Count(30, T0);
        assertTrue(LoginThrottle.blockedUntil(count, FREE, T0.plus(Duration.ofMinutes(14))).isPresent());
        assertTrue(LoginThrottle.blockedUntil(count, FREE, T0.plus(Duration.ofMinutes(61))).isEmpty());
    }

    @Test
    void aKnownClientIsCountedOnlyAgainstItselfAndAnUnknownOnePerUsernameAndAddress() {
        LoginClient browser = new LoginClient("10.0.0.7", "d".repeat(32));
        assertEquals(List.of(new LoginThrottle.Key("client|li|device:" + "d".repeat(32), FREE)),
                LoginThrottle.keys("li", browser, "device:" + "d".repeat(32)));
        assertEquals(List.of(new LoginThrottle.Key("account|li", FREE),
                        new LoginThrottle.Key("address|10.0.0.66", LoginThrottle.FREE_PER_ADDRESS)),
                LoginThrottle.keys("li", new LoginClient("10.0.0.66", null), null));
    }

    @Test
    void aDeviceIdThatIsNotOursIsIgnored() {
        assertNull(new LoginClient("10.0.0.7", "short").device());
        assertNull(new LoginClient("10.0.0.7", "a;b=c".repeat(8)).device());
        assertEquals(List.of("address:10.0.0.7"), LoginThrottle.clientKeys(new LoginClient("10.0.0.7", null)));
    }
}
