package app.laurel.bench;

import app.laurel.devserver.EmbeddedDatabase;
import app.laurel.devserver.PayaraProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The portal as a benchmark runs it: a fresh embedded MariaDB and Payara Micro with the built WAR, configured only
 * through the environment as production is, the demo accounts on. Everything it creates (the database's data
 * directory, the stored files, the server) is gone after {@link #close()}, so a benchmark leaves nothing behind.
 */
public final class BenchPortal implements AutoCloseable, DeadlineSurge.Portal {

    private final Path dir;
    private final EmbeddedDatabase db;
    private final PayaraProcess server;

    private BenchPortal(Path dir, EmbeddedDatabase db, PayaraProcess server) {
        this.dir = dir;
        this.db = db;
        this.server = server;
    }

    /**
     * @param work      the benchmark's working directory; this portal lives in a new folder inside it
     * @param bufferPool InnoDB's buffer pool in bytes; the development default (64 MB) is far below production's
     */
    public static BenchPortal start(Path war, Path payaraJar, Path work, long bufferPool) throws Exception {
        Path dir = work.toAbsolutePath().resolve("portal-" + System.nanoTime());
        EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("db"), work.toAbsolutePath().resolve("mariadb"));
        try {
            try (Connection root = DriverManager.getConnection(db.jdbcUrl(), "root", ""); Statement set = root.createStatement()) {
                set.execute("SET GLOBAL innodb_buffer_pool_size = " + bufferPool);
            }
            Map<String, String> env = new HashMap<>(Map.of("DB_URL", db.jdbcUrl(), "DB_USER", "laurel", "DB_PASSWORD", "laurel",
                    "LAUREL_STORAGE_DIR", dir.resolve("files").toString(), "LAUREL_DEMO_ENABLED", "true"));
            PayaraProcess server = PayaraProcess.start(payaraJar, war, freePort(), env, dir.resolve("payara.log"));
            try {
                // Payara alone took 7 minutes to start at a load average of 28 on the shared 2-core machine.
                server.awaitReady(Duration.ofMinutes(20));
            } catch (RuntimeException | InterruptedException e) {
                server.close();
                tail(dir.resolve("payara.log"));
                throw e;
            }
            return new BenchPortal(dir, db, server);
        } catch (Exception e) {
            db.close();
            delete(dir);
            throw e;
        }
    }

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    public long pid() {
        return server.pid();
    }

    /** Where the portal keeps its files ({@code LAUREL_STORAGE_DIR}). */
    @Override
    public Path storageDir() {
        return dir.resolve("files");
    }

    /** A connection to the portal's database, to set up what the API would take long to make and to count afterwards. */
    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), "laurel", "laurel");
    }

    /** The server's log, kept until {@link #close()}: copy what is worth keeping before that. */
    public Path log() {
        return dir.resolve("payara.log");
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            db.close();
            delete(dir);
        }
    }

    /** The end of a server's log that failed to start, before its directory goes. */
    private static void tail(Path log) throws IOException {
        if (Files.exists(log)) {
            List<String> lines = Files.readAllLines(log);
            System.err.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
