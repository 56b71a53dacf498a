package app.laurel.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro 6 serving the WAR at the root context, as a child process with its own JVM, configured only
 * through environment variables, exactly as production would configure it.
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final Path log;

    private PayaraProcess(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /**
     * @param log where the server's output goes, or {@code null} to share this process's console
     */
    public static PayaraProcess start(Path payaraJar, Path war, int httpPort, Map<String, String> env, Path log)
            throws IOException {
        return start(payaraJar, war, httpPort, env, log, null);
    }

    /**
     * The same as a member of a cluster ({@code member}), or alone ({@code null}: {@code --nocluster}, as the tests
     * and the single-node run command start it, so that no stray Payara on the network joins them).
     */
    public static PayaraProcess start(Path payaraJar, Path war, int httpPort, Map<String, String> env, Path log,
                                      ClusterMember member) throws IOException {
        requireFile(payaraJar, "Payara Micro jar");
        requireFile(war, "WAR");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Xmx512m",
                // A zone other than UTC on purpose: stored instants must not depend on the JVM's zone.
                "-Duser.timezone=Asia/Shanghai",
                "-Dfile.encoding=UTF-8"));
        if (member != null) {
            command.addAll(member.jvmOptions());
        }
        command.addAll(List.of("-jar", payaraJar.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(httpPort)));
        command.addAll(member == null ? List.of("--nocluster") : member.options());
        command.addAll(List.of("--disablephonehome",
                "--postbootcommandfile", commandFile("laurel-post-boot", POST_BOOT).toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        if (log == null) {
            builder.inheritIO();
        } else {
            Files.createDirectories(log.getParent());
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        return new PayaraProcess(builder.start(), httpPort, log);
    }

    /**
     * One node of a cluster on one machine: Hazelcast finds the others by TCP/IP on loopback (no multicast, which
     * would join any Payara Micro on the network with the same cluster name). Each node has its own Hazelcast port;
     * {@code memberPorts} lists every node's (a port range is not accepted). {@code --nohostaware}: with every node
     * on one address, Hazelcast would otherwise keep no backup copy of a session on another node.
     */
    public record ClusterMember(String name, String clusterName, int hazelcastPort, List<Integer> memberPorts) {

        List<String> jvmOptions() {
            return List.of("-Dhazelcast.socket.bind.any=false");
        }

        List<String> options() {
            String members = memberPorts.stream().map(port -> "127.0.0.1:" + port)
                    .collect(java.util.stream.Collectors.joining(","));
            return List.of("--name", name, "--clustername", clusterName, "--clustermode", "tcpip:" + members,
                    "--startport", String.valueOf(hazelcastPort), "--interfaces", "127.0.0.1", "--nohostaware");
        }
    }

    /**
     * Asadmin commands run after boot: no {@code Server: Payara Micro} banner (and no X-Powered-By) telling a
     * scanner which server and version to try. Production passes the same file (see README).
     */
    static final String POST_BOOT = String.join("\n",
            "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false",
            "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false",
            "");

    private static Path commandFile(String name, String commands) throws IOException {
        Path file = Files.createTempFile(name, ".asadmin");
        file.toFile().deleteOnExit();
        return Files.writeString(file, commands);
    }

    public int port() {
        return httpPort;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /**
     * Waits until the application answers: Payara prints "ready" even when the deployment failed, so readiness
     * is the application's own health check plus its home page, both 200.
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with code " + process.exitValue() + logHint());
            }
            if (status(http, "/health/ready") == 200 && status(http, "/") == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Laurel was not ready within " + timeout.toSeconds() + " s" + logHint());
    }

    private int status(HttpClient http, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5)).build();
            // Bounded from outside too: on a machine at load 25 one send outlived its own 5 s timeout by minutes.
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).get(15, java.util.concurrent.TimeUnit.SECONDS)
                    .statusCode();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Asks Payara to shut down (SIGTERM), and kills it if it has not within 30 seconds. */
    @Override
    public void close() {
        stop(process, 30);
    }

    /** SIGTERM, then SIGKILL if the process has not ended within {@code seconds}: how the launchers end a child. */
    static void stop(Process process, int seconds) {
        process.destroy();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the server without letting it shut down, as a power cut or {@code kill -9} would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    private String logHint() {
        return log == null ? "" : " (see " + log + ")";
    }

    private static void requireFile(Path path, String what) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(what + " not found at " + path + "; run 'mvn package' first");
        }
    }
}
