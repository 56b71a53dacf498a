package app.laurel.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database process dies (kill -9) while visitors read pages and the API: readiness says so at once, every request
 * answers quickly with 503 instead of hanging, and once mariadbd is started again on the same data directory and port
 * the same Payara serves pages and API again. Uses a portal of its own, since killing the shared database would fail
 * the test classes running beside it. Takes a minute and a half, so it runs with the fault suite
 * ({@code mvn -Pfaults verify}); {@code DatabaseOutageIT} covers the outage in every build.
 */
@Tag("faults")
class DatabaseCrashIT {

    /**
     * Longest acceptable answer while the database is down: a clear refusal, not a hang. The driver gives up
     * connecting after 10 s; here the test's relay accepts a connection it cannot pass on, where a dead server's
     * port would refuse at once, so the refusal may take the whole 10 s.
     */
    private static final Duration FAST = Duration.ofSeconds(15);
    private static final List<String> PATHS = List.of("/api/v1/contests/HY2021", "/contest.xhtml?code=HY2021", "/health/ready");

    private static TestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startOwnPortal() throws Exception {
        server = TestServer.start(Path.of("target", "db-crash-it"), true);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    record Answer(Instant at, String path, int status, Duration took) {
    }

    @Test
    void theSamePayaraServesAgainAfterTheDatabaseIsKilledAndStartedAgain() throws Exception {
        for (String path : PATHS) {
            assertEquals(200, get(path).status(), path + " before the crash");
        }
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 6; i++) {
            String path = PATHS.get(i % 2);
            load.submit(() -> {
                while (loading.get()) {
                    answers.add(get(path));
                }
                return null;
            });
        }
        try {
            Thread.sleep(1500);
            Instant killed = Instant.now();
            server.killDatabase();

            Answer notReady = awaitStatus("/health/ready", 503, Duration.ofSeconds(30));
            assertTrue(notReady.took().compareTo(FAST) < 0, "readiness answered in " + notReady.took());
            Instant downFrom = notReady.at();
            Thread.sleep(5000);
            for (String path : PATHS) {
                Answer down = get(path);
                assertEquals(503, down.status(), path + " while the database is down");
                assertTrue(down.took().compareTo(FAST) < 0, path + " answered in " + down.took() + " while the database is down");
            }
            Instant downUntil = Instant.now();

            server.startDatabaseAgain();
            Answer ready = awaitStatus("/health/ready", 200, Duration.ofSeconds(60));
            for (String path : PATHS) {
                assertEquals(200, get(path).status(), path + " after the database came back, " + ready.at());
            }
            loading.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));

            List<Answer> duringOutage = answers.stream()
                    .filter(a -> a.at().isAfter(downFrom) && a.at().plus(a.took()).isBefore(downUntil)).toList();
            assertTrue(duringOutage.size() >= 2, "the load went on during the outage (each refusal may take the 10 s connect timeout): " + duringOutage.size());
            for (Answer answer : duringOutage) {
                assertEquals(503, answer.status(), answer.path() + " under load while down");
                assertTrue(answer.took().compareTo(FAST) < 0, answer.path() + " took " + answer.took() + " under load");
            }
            System.out.printf("DatabaseCrashIT: %d answers under load, %d while down (all 503), killed at %s%n",
                    answers.size(), duringOutage.size(), killed);
        } finally {
            loading.set(false);
            load.shutdownNow();
        }
    }

    private Answer awaitStatus(String path, int status, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Answer answer;
        do {
            answer = get(path);
            if (answer.status() == status) {
                return answer;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(path + " did not answer " + status + " within " + timeout + "; last " + answer);
    }

    private Answer get(String path) {
        Instant start = Instant.now();
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        return new Answer(start, path, status, Duration.between(start, Instant.now()));
    }
}
