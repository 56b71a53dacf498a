package app.laurel.devserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mvn -Pcluster package}: Laurel on two Payara Micro nodes of one cluster (Hazelcast over TCP/IP on
 * loopback) behind nginx, on this machine, to try out what a province runs on several. The portal is at
 * {@code LAUREL_PORT} (8080), the nodes at the next two ports, Hazelcast at {@code LAUREL_HAZELCAST_PORT} (6900) and
 * the next. The database is the run
 * command's embedded MariaDB on {@code ./data/db} with the demo, or the server of {@code DB_URL} (with
 * {@code DB_USER}, {@code DB_PASSWORD}); the files are in {@code LAUREL_STORAGE_DIR} (a shared mount in
 * production), else {@code ./data/files}, the same for both nodes. Ctrl-C stops everything; what a launcher killed
 * with {@code kill -9} left running is ended at the next start, as for the single-node run command.
 */
public final class LaurelClusterServer {

    private LaurelClusterServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LaurelDevServer.parse(args);
        Path data = Path.of(options.getOrDefault("data", "data")).toAbsolutePath();
        LaurelDevServer.keepOutOfTheTempDirectory(data);
        ChildProcesses children = new ChildProcesses(data);
        children.endOrphans();
        int port = Integer.parseInt(System.getenv().getOrDefault("LAUREL_PORT", "8080"));
        List<Integer> nodePorts = List.of(port + 1, port + 2);
        int hazelcast = Integer.parseInt(System.getenv().getOrDefault("LAUREL_HAZELCAST_PORT", "6900"));
        List<Integer> hazelcastPorts = List.of(hazelcast, hazelcast + 1);
        for (int used : List.of(port, nodePorts.get(0), nodePorts.get(1), hazelcastPorts.get(0), hazelcastPorts.get(1))) {
            LaurelDevServer.requireFreePort(used);
        }

        Map<String, String> env = new HashMap<>();
        String external = System.getenv("DB_URL");
        EmbeddedDatabase db = null;
        if (external == null || external.isBlank()) {
            System.out.println("Laurel: starting the embedded MariaDB (data in " + data.resolve("db") + ") ...");
            db = EmbeddedDatabase.start(data.resolve("db"), data.resolve("mariadb")).restartWhenItDies();
            env.put("DB_URL", db.jdbcUrl());
            env.put("DB_USER", "laurel");
            env.put("DB_PASSWORD", "laurel");
        } else {
            System.out.println("Laurel: using the database of DB_URL");
        }
        String storage = System.getenv().getOrDefault("LAUREL_STORAGE_DIR", data.resolve("files").toString());
        env.put("LAUREL_STORAGE_DIR", storage);
        env.put("LAUREL_DEMO_ENABLED", "true");
        env.put("LAUREL_PUBLIC_URL", "http://localhost:" + port);

        int dbPort = db == null ? 0 : db.port();
        EmbeddedDatabase database = db;
        LocalCluster.Settings settings = new LocalCluster.Settings(Path.of(options.get("payara")), Path.of(options.get("war")),
                data.resolve("cluster"), "laurel-local", port, nodePorts, hazelcastPorts, env, Duration.ofMinutes(10));
        System.out.println("Laurel: starting two Payara Micro nodes (ports " + nodePorts + ", logs in "
                + settings.work() + ") and nginx on port " + port + " ...");
        LocalCluster[] cluster = new LocalCluster[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Laurel: stopping ...");
            if (cluster[0] != null) {
                cluster[0].close();
            }
            if (database != null) {
                database.close();
            }
            children.forget();
            System.out.println("Laurel: stopped.");
        }, "laurel-shutdown"));
        LaurelDevServer.exitWhenParentDies();
        cluster[0] = LocalCluster.start(settings, started -> {
            try {
                children.record(dbPort, started);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        StringBuilder nodes = new StringBuilder(" Nodes (each one directly): ");
        cluster[0].nodes().forEach(node -> nodes.append(node.url()).append("  "));
        System.out.println(LaurelDevServer.banner(cluster[0].url(), nodes.append("\n Files of both nodes: ")
                .append(storage).append("\n nginx's logs: ").append(settings.work().resolve("nginx/logs")).append('\n')
                .toString()));
        int exit = cluster[0].awaitEnd();
        System.out.println("Laurel: nginx exited with code " + exit);
        System.exit(0);
    }
}
