package app.laurel.identity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A password change ends the other sessions even in the same second as their login (LoginBrowserIT once saw one survive). */
class SessionStampTest {

    @Test
    void aChangeInTheSameInstantStillChangesTheStamp() {
        Instant now = Instant.parse("2026-12-02T03:00:00.400Z");
        Account account = new Account(AccountDetails.normalised("stamp-test", "测试", null, null), "hash-one",
                EnumSet.of(Role.PUBLIC), null, now);
        String before = account.sessionStamp();
        assertEquals(before, account.sessionStamp(), "the same password, the same stamp");
        account.changePassword("hash-two", now);
        assertNotEquals(before, account.sessionStamp());
        assertEquals(32, before.length());
        assertTrue(before.matches("[0-9a-f]+"), "no part of the hash itself is kept in the session");
    }
}
