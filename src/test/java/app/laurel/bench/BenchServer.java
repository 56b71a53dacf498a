package app.laurel.bench;

import app.laurel.devserver.EmbeddedDatabase;
import app.laurel.devserver.PayaraProcess;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The portal as the benchmarks run it: a fresh embedded MariaDB under the work directory and Payara Micro with the
 * built WAR and the demo data, both stopped (and the database's files deleted) on close.
 */
final class BenchServer implements AutoCloseable {

    private final EmbeddedDatabase db;
    private final Map<String, String> env;
    private final Path payaraJar;
    private Path war;
    private final Path log;
    private PayaraProcess payara;

    private BenchServer(EmbeddedDatabase db, Path payaraJar, Path war, Path work) {
        this.db = db;
        this.payaraJar = payaraJar;
        this.war = war;
        this.log = work.resolve("payara.log");
        this.env = Map.of("DB_URL", db.jdbcUrl(), "DB_USER", "laurel", "DB_PASSWORD", "laurel",
                "LAUREL_STORAGE_DIR", work.resolve("files").toString(), "LAUREL_DEMO_ENABLED", "true");
    }

    /** Starts the database only; {@link #restart} then starts (or restarts) Payara on it. */
    static BenchServer database(Path war, Path payaraJar, Path work) throws Exception {
        Files.createDirectories(work);
        return new BenchServer(EmbeddedDatabase.start(work.resolve("db-" + System.nanoTime()), work.resolve("mariadb")),
                payaraJar, war, work);
    }

    /** Stops Payara if it runs and starts it afresh with another WAR on the same database (a before/after comparison). */
    PayaraProcess restart(Path otherWar) throws Exception {
        this.war = otherWar;
        return restart();
    }

    /** Stops Payara if it runs, starts it afresh and waits until the portal answers. */
    PayaraProcess restart() throws Exception {
        if (payara != null) {
            payara.close();
        }
        payara = PayaraProcess.start(payaraJar, war, freePort(), env, log);
        payara.awaitReady(Duration.ofMinutes(8));
        return payara;
    }

    PayaraProcess payara() {
        return payara;
    }

    static String machine() {
        return String.format("machine: %d cores, %s, Java %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    static long residentMegabytes(PayaraProcess server) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            if (payara != null) {
                payara.close();
            }
        } finally {
            db.close();
        }
    }
}
