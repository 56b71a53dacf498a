package app.laurel.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing is slowed per username and per address without locking out the owner, and the answers do
 * not tell which usernames exist (issue 11, items 7 and 8). Each test speaks from addresses of its own, through
 * the test server's trusted local proxy ({@code X-Forwarded-For}).
 */
@ExtendWith(LaurelServerExtension.class)
class LoginThrottleIT {

    private static final String PASSWORD = "Spring2026rain";

    private Api api;

    @BeforeEach
    void connect(TestServer server) {
        this.api = new Api(server);
    }

    /** A fresh private address, so that tests (and reruns against one database) never share a counter. */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(20, 250) + "." + random.nextInt(1, 250) + "." + random.nextInt(1, 250);
    }

    private static String credentials(String username, String password) {
        return """
                {"username":"%s","password":"%s"}""".formatted(username, password);
    }

    @Test
    void tenWrongPasswordsFromAnAttackerDoNotLockTheOwnerOut() throws Exception {
        String citizen = api.registerCitizen(PASSWORD);
        Api home = api.from(address());
        Api.Reply first = home.post("/api/v1/tokens", credentials(citizen, PASSWORD), null, null);
        assertEquals(201, first.status(), first.body());
        String device = first.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("laurel_device=")).findFirst()
                .orElseThrow(() -> new AssertionError("a successful login hands out the device cookie"));
        assertTrue(device.contains("HttpOnly") && device.contains("SameSite=Strict"), device);

        Api attacker = api.from(address());
        for (int i = 1; i <= 10; i++) {
            assertEquals(401, attacker.post("/api/v1/tokens", credentials(citizen, "guess-" + i), null, null).status(),
                    "guess " + i);
        }
        Api.Reply eleventh = attacker.post("/api/v1/tokens", credentials(citizen, "guess-11"), null, null);
        assertEquals(429, eleventh.status(), "the attacker must wait now");
        assertTrue(eleventh.raw().headers().firstValue("Retry-After").isPresent());
        assertEquals(429, attacker.post("/api/v1/tokens", credentials(citizen, PASSWORD), null, null).status(),
                "even the right password waits from a client the account does not know");

        assertEquals(201, home.post("/api/v1/tokens", credentials(citizen, PASSWORD), null, null).status(),
                "the owner's address logged in before: the right password still works");
        Api travelling = api.from(address()).with("Cookie", device.substring(0, device.indexOf(';')));
        assertEquals(201, travelling.post("/api/v1/tokens", credentials(citizen, PASSWORD), null, null).status(),
                "the owner's device cookie works from any address");
        assertEquals(429, api.from(address()).post("/api/v1/tokens", credentials(citizen, PASSWORD), null, null).status(),
                "a new address without the cookie is treated like the attacker");
    }

    @Test
    void unknownAndKnownUsernamesAnswerAlike() throws Exception {
        String known = api.registerCitizen(PASSWORD);
        String unknown = "nobody" + System.nanoTime() % 1_000_000_000L;
        Attempts forKnown = guess(api.from(address()), known);
        Attempts forUnknown = guess(api.from(address()), unknown);

        assertEquals(forKnown.statuses, forUnknown.statuses);
        assertEquals(List.of(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429), forKnown.statuses);
        assertEquals(forKnown.bodies, forUnknown.bodies, "same error code and message, word for word");
        assertTrue(forUnknown.retryAfter > 0 && Math.abs(forKnown.retryAfter - forUnknown.retryAfter) <= 2,
                forKnown.retryAfter + " vs " + forUnknown.retryAfter);
        // An unknown username costs a password hash too; without it it answered in a few milliseconds.
        assertTrue(forUnknown.medianMillis * 3 >= forKnown.medianMillis,
                "unknown " + forUnknown.medianMillis + " ms vs known " + forKnown.medianMillis + " ms");
    }

    private record Attempts(List<Integer> statuses, List<String> bodies, long retryAfter, long medianMillis) {
    }

    private static Attempts guess(Api from, String username) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 1; i <= 11; i++) {
            long start = System.nanoTime();
            Api.Reply reply = from.post("/api/v1/tokens", credentials(username, "guess-" + i), null, null);
            millis.add((System.nanoTime() - start) / 1_000_000);
            statuses.add(reply.status());
            bodies.add(reply.body());
            last = reply.raw();
        }
        List<Long> failures = new ArrayList<>(millis.subList(0, 10));
        failures.sort(Long::compare);
        return new Attempts(statuses, bodies, Long.parseLong(last.headers().firstValue("Retry-After").orElse("0")),
                failures.get(5));
    }

    @Test
    void oneAddressTryingManyUsernamesIsThrottledToo() throws Exception {
        Api sprayer = api.from(address());
        for (int i = 1; i <= 30; i++) {
            assertEquals(401, sprayer.post("/api/v1/tokens", credentials("spray" + i + "x" + System.nanoTime() % 100000, "Password" + i),
                    null, null).status(), "username " + i);
        }
        String citizen = api.registerCitizen(PASSWORD);
        assertEquals(429, sprayer.post("/api/v1/tokens", credentials(citizen, PASSWORD), null, null).status(),
                "the 31st attempt from the address waits, whatever the username");
        assertEquals(201, api.from(address()).post("/api/v1/tokens", credentials(citizen, PASSWORD), null, null).status(),
                "another address is not affected");
    }

    @Test
    void aPasswordChangeRevokesEveryTokenOfTheAccount() throws Exception {
        String citizen = api.registerCitizen(PASSWORD);
        Api phone = api.from(address());
        String used = phone.token(citizen, PASSWORD);
        String other = api.from(address()).token(citizen, PASSWORD);
        assertEquals(200, phone.get("/api/v1/me", other, null).status());

        Api.Reply changed = phone.post("/api/v1/me/password", """
                {"currentPassword":"%s","newPassword":"Winter2026snow"}""".formatted(PASSWORD), used, null);
        assertEquals(204, changed.status(), changed.body());
        assertEquals(401, phone.get("/api/v1/me", other, null).status(), "a token made with the old password dies");
        assertEquals(401, phone.get("/api/v1/me", used, null).status(), "the token that changed it too");
        assertEquals(200, phone.get("/api/v1/me", phone.token(citizen, "Winter2026snow"), null).status());
    }

    @Test
    void theCurrentPasswordCheckIsThrottledLikeALogin() throws Exception {
        String citizen = api.registerCitizen(PASSWORD);
        Api owner = api.from(address());
        String token = owner.token(citizen, PASSWORD);
        Api thief = api.from(address());
        for (int i = 1; i <= 10; i++) {
            Api.Reply wrong = thief.post("/api/v1/me/password", """
                    {"currentPassword":"guess-%d","newPassword":"Winter2026snow"}""".formatted(i), token, null);
            assertEquals(400, wrong.status(), "guess " + i + ": " + wrong.body());
        }
        Api.Reply right = thief.post("/api/v1/me/password", """
                {"currentPassword":"%s","newPassword":"Winter2026snow"}""".formatted(PASSWORD), token, null);
        assertEquals(429, right.status(), "a stolen token is no way to guess the password: " + right.body());
        assertEquals("too_many_requests", right.json().getString("error"));
        assertFalse(right.raw().headers().firstValue("Retry-After").isEmpty());
        assertEquals(201, owner.post("/api/v1/tokens", credentials(citizen, PASSWORD), null, null).status(),
                "the owner, known from before, still logs in and the password is unchanged");
    }
}
