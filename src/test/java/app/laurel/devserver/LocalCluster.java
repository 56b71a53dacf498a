package app.laurel.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Laurel on several Payara Micro nodes of one cluster on this machine, behind nginx: what the cluster run command
 * ({@link LaurelClusterServer}) and the cluster test start. The caller brings the database; every node gets the
 * same environment (database, shared storage directory, public address), as the nodes of a province would. Nodes
 * start one after the other: the first one migrates the database, and two boots on two cores only compete.
 */
public final class LocalCluster implements AutoCloseable {

    /** Where and how: {@code nodePorts} and {@code hazelcastPorts} have one port per node, in the same order. */
    public record Settings(Path payaraJar, Path war, Path work, String clusterName, int proxyPort,
                           List<Integer> nodePorts, List<Integer> hazelcastPorts, Map<String, String> env,
                           Duration readyTimeout) {
    }

    /** One node: its name in the cluster, its HTTP port and its log. */
    public record Node(String name, int port, Path log) {
        public String url() {
            return "http://localhost:" + port;
        }
    }

    private final Settings settings;
    private final Map<Node, PayaraProcess> running = new LinkedHashMap<>();
    private NginxProcess nginx;

    private LocalCluster(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts the nodes, waits until each is ready and all have joined one cluster, then starts nginx in front.
     * {@code started} is told each child process as it starts (what it is, its pid), so a launcher can record it
     * before waiting; on failure everything started is stopped.
     */
    public static LocalCluster start(Settings settings, Consumer<Map<String, Long>> started) throws Exception {
        LocalCluster cluster = new LocalCluster(settings);
        try {
            cluster.startAll(started);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startAll(Consumer<Map<String, Long>> started) throws Exception {
        Files.createDirectories(settings.work());
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int i = 0; i < settings.nodePorts().size(); i++) {
            Node node = new Node("laurel-" + (char) ('a' + i), settings.nodePorts().get(i),
                    settings.work().resolve("node-" + (char) ('a' + i) + ".log"));
            Files.deleteIfExists(node.log());
            PayaraProcess payara = PayaraProcess.start(settings.payaraJar(), settings.war(), node.port(), settings.env(),
                    node.log(), new PayaraProcess.ClusterMember(node.name(), settings.clusterName(),
                            settings.hazelcastPorts().get(i), settings.hazelcastPorts()));
            running.put(node, payara);
            pids.put("Payara Micro " + node.name(), payara.pid());
            started.accept(Map.copyOf(pids));
            payara.awaitReady(settings.readyTimeout());
        }
        awaitMembers(settings.nodePorts().size(), Duration.ofMinutes(2));
        nginx = NginxProcess.start(settings.work().resolve("nginx"), settings.proxyPort(), settings.nodePorts());
        pids.put("nginx", nginx.pid());
        started.accept(Map.copyOf(pids));
        nginx.awaitListening(Duration.ofSeconds(30));
    }

    /**
     * Waits until every node's log shows Payara's Data Grid at the full size: a node that could not join
     * would form a cluster of its own and serve its own sessions and timers, which is worse than failing here.
     */
    private void awaitMembers(int size, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<Node> missing = new ArrayList<>(running.keySet());
        while (!missing.isEmpty()) {
            for (Node node : List.copyOf(missing)) {
                if (Files.readString(node.log()).contains("DG Size: " + size)) {
                    missing.remove(node);
                }
            }
            if (!missing.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not in one cluster of " + size + " after " + timeout.toSeconds()
                        + " s: " + missing + " (see their logs)");
            }
            Thread.sleep(500);
        }
    }

    public List<Node> nodes() {
        return List.copyOf(running.keySet());
    }

    /** The node listening on {@code port}. */
    public Node node(int port) {
        return running.keySet().stream().filter(n -> n.port() == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node on port " + port));
    }

    public NginxProcess nginx() {
        return nginx;
    }

    /** The address people use: nginx. */
    public String url() {
        return nginx.baseUrl();
    }

    /** Kills a node as {@code kill -9} or a power cut would: no shutdown, no goodbye to the cluster. */
    public void kill(Node node) throws InterruptedException {
        running.get(node).kill();
    }

    public boolean isAlive(Node node) {
        return running.get(node).isAlive();
    }

    /** Blocks until nginx ends (stopped from outside, or by {@link #close()}); its exit code. */
    public int awaitEnd() throws InterruptedException {
        return nginx.waitFor();
    }

    /** nginx first, so no request reaches a node that is shutting down; then the nodes, each with SIGTERM. */
    @Override
    public void close() {
        if (nginx != null) {
            nginx.close();
        }
        running.values().forEach(PayaraProcess::close);
    }
}
