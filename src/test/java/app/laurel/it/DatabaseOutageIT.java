package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readiness reports a lost database, file servlets answer 503 meanwhile, and the portal recovers by itself when the
 * database is back.
 */
@ExtendWith(LaurelServerExtension.class)
class DatabaseOutageIT {

    @Test
    void readinessFailsWhileTheDatabaseIsUnreachableAndRecoversAfter(TestServer server) throws Exception {
        Api api = new Api(server);
        assertEquals(200, api.get("/health/ready", null, null).status());

        server.cutDatabaseLink();
        Api.Reply down;
        Api.Reply picture;
        try {
            down = waitForStatus(api, 503, Duration.ofSeconds(60));
            // A file servlet cannot tell whether the file exists while the database is out: it must not say "not found".
            picture = api.get("/column-media/1/1", null, null);
        } finally {
            server.restoreDatabaseLink();
        }
        assertTrue(down.body().matches("(?s).*\"database\".*\"DOWN\".*"), down.body());
        assertTrue(down.body().matches("(?s).*\"storage\".*\"UP\".*"), "only the database is down: " + down.body());
        assertEquals(503, picture.status(), "a column picture while the database is out: try again, not 404");
        assertEquals("30", picture.raw().headers().firstValue("Retry-After").orElse(null));

        waitForStatus(api, 200, Duration.ofSeconds(60));
        assertEquals(200, api.get("/api/v1/contests/HY2021", null, null).status(), "pooled connections were renewed");
    }

    private static Api.Reply waitForStatus(Api api, int status, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Api.Reply reply;
        do {
            reply = api.get("/health/ready", null, null);
            if (reply.status() == status) {
                return reply;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("/health/ready did not answer " + status + " within " + timeout + "; last: "
                + reply.status() + " " + reply.body());
    }
}
