package app.laurel.ops;

import app.laurel.devserver.EmbeddedDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where a portal keeps its data, as the portal itself is told: {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}
 * and {@code LAUREL_STORAGE_DIR} in the environment (production), or else the run command's {@code ./data}: the
 * embedded MariaDB of a running launcher, or one started here on {@code data/db} for as long as the command runs.
 */
final class Portal implements AutoCloseable {

    final String jdbcUrl;
    final String user;
    final String password;
    final Path storage;
    private final EmbeddedDatabase startedHere;

    private Portal(String jdbcUrl, String user, String password, Path storage, EmbeddedDatabase startedHere) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.storage = storage.toAbsolutePath();
        this.startedHere = startedHere;
    }

    static Portal of(Map<String, String> env, Path data) throws Exception {
        String url = env.get("DB_URL");
        if (url != null && !url.isBlank()) {
            String storage = env.get("LAUREL_STORAGE_DIR");
            if (storage == null || storage.isBlank()) {
                throw new IllegalArgumentException("DB_URL is set: set LAUREL_STORAGE_DIR to the portal's file store too");
            }
            return new Portal(url, env.getOrDefault("DB_USER", "laurel"), env.getOrDefault("DB_PASSWORD", ""),
                    Path.of(storage), null);
        }
        Path dir = data.toAbsolutePath();
        Path files = dir.resolve("files");
        OptionalInt running = app.laurel.devserver.LaurelDevServer.runningDatabasePort(dir);
        if (running.isPresent()) {
            return new Portal(embeddedUrl(running.getAsInt()), "laurel", "laurel", files, null);
        }
        app.laurel.devserver.LaurelDevServer.keepOutOfTheTempDirectory(dir);
        EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("db"), dir.resolve("mariadb"));
        return new Portal(db.jdbcUrl(), "laurel", "laurel", files, db);
    }

    private static String embeddedUrl(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + EmbeddedDatabase.SCHEMA
                + "?characterEncoding=UTF-8&connectionTimeZone=UTC&preserveInstants=false&sslMode=DISABLED";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Where the file store keeps the file of a stored_file row (as {@code FileStore.resolve} does). */
    static Path file(Path storageRoot, String storedName) {
        return storageRoot.resolve("files").resolve(storedName.substring(0, 2)).resolve(storedName);
    }

    @Override
    public void close() {
        if (startedHere != null) {
            startedHere.close();
        }
    }
}
