package app.laurel.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountThrottleTest {

    private static final Instant T0 = Instant.parse("2026-06-10T10:00:00Z");

    private static Account account() {
        return new Account(AccountDetails.normalised("li", "李", null, null), "hash", EnumSet.of(Role.PUBLIC), null, T0);
    }

    @Test
    void nineFailuresDoNotBlock() {
        Account account = account();
        for (int i = 0; i < 9; i++) {
            account.recordFailedLogin(T0);
        }
        assertTrue(account.loginBlockedUntil(T0).isEmpty());
    }

    @Test
    void theTenthFailureMeansThirtySecondsThenDoublingUpToFifteenMinutes() {
        Account account = account();
        for (int i = 0; i < 10; i++) {
            account.recordFailedLogin(T0);
        }
        assertEquals(T0.plusSeconds(30), account.loginBlockedUntil(T0.plusSeconds(1)).orElseThrow());
        assertTrue(account.loginBlockedUntil(T0.plusSeconds(30)).isEmpty(), "free again after the wait");

        account.recordFailedLogin(T0.plusSeconds(30));
        assertEquals(T0.plusSeconds(90), account.loginBlockedUntil(T0.plusSeconds(31)).orElseThrow());

        for (int i = 0; i < 20; i++) {
            account.recordFailedLogin(T0);
        }
        assertEquals(T0.plus(Duration.ofMinutes(15)), account.loginBlockedUntil(T0).orElseThrow());
    }

    @Test
    void successResetsTheCount() {
        Account account = account();
        for (int i = 0; i < 12; i++) {
            account.recordFailedLogin(T0);
        }
        account.recordSuccessfulLogin();
        assertTrue(account.loginBlockedUntil(T0).isEmpty());
        assertEquals(0, account.getFailedLogins());
    }
}
