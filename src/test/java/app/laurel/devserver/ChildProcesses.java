package app.laurel.devserver;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's children outlive it when it is killed with {@code kill -9} (no shutdown hook runs): Payara keeps
 * the port and mariadbd keeps the data directory locked, so the next start failed. The launcher records itself and
 * its children (Payara, or the cluster's nodes and nginx) in {@code data/launcher.pid}; the next start ends what a
 * dead launcher left behind on the same data: each recorded child (if it is still that process: same start time)
 * and any mariadbd serving {@code data/db}.
 */
final class ChildProcesses {

    private final Path file;
    private final Path dbDir;

    ChildProcesses(Path data) {
        this.file = data.resolve("launcher.pid");
        this.dbDir = data.resolve("db").toAbsolutePath();
    }

    /** Ends the children of a launcher that died without stopping them; refuses if that launcher still runs. */
    void endOrphans() throws IOException, InterruptedException {
        if (Files.exists(file)) {
            Properties recorded = recorded();
            if (same(recorded.getProperty("launcher")).isPresent()) {
                throw new IllegalStateException("Laurel already runs on " + dbDir.getParent() + " (process "
                        + recorded.getProperty("launcher").split("@")[0] + "); stop it first.");
            }
            for (String key : recorded.stringPropertyNames()) {
                if (key.startsWith("child.")) {
                    Optional<ProcessHandle> child = same(recorded.getProperty(key));
                    if (child.isPresent()) {
                        end(child.get(), key.substring("child.".length()));
                    }
                }
            }
        }
        List<ProcessHandle> mariadbd = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains("--datadir=" + dbDir))
                        .orElse(false))
                .toList();
        for (ProcessHandle process : mariadbd) {
            end(process, "MariaDB");
        }
        Files.deleteIfExists(file);
    }

    /** The database port of the launcher recorded here, if that launcher still runs. */
    java.util.OptionalInt runningDatabasePort() throws IOException {
        if (!Files.exists(file)) {
            return java.util.OptionalInt.empty();
        }
        Properties recorded = recorded();
        return same(recorded.getProperty("launcher")).isPresent() && recorded.getProperty("dbPort") != null
                ? java.util.OptionalInt.of(Integer.parseInt(recorded.getProperty("dbPort")))
                : java.util.OptionalInt.empty();
    }

    private Properties recorded() throws IOException {
        Properties recorded = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            recorded.load(in);
        }
        return recorded;
    }

    /**
     * Records this launcher, its embedded database's port (0: an external database, not ours) and its children by
     * what they are ("Payara Micro", "nginx").
     */
    void record(int dbPort, java.util.Map<String, Long> children) throws IOException {
        Properties current = new Properties();
        current.setProperty("launcher", describe(ProcessHandle.current()));
        if (dbPort > 0) {
            current.setProperty("dbPort", String.valueOf(dbPort));
        }
        children.forEach((what, pid) -> ProcessHandle.of(pid).ifPresent(p -> current.setProperty("child." + what, describe(p))));
        try (Writer out = Files.newBufferedWriter(file)) {
            current.store(out, "written by the Laurel launcher, read by its next start");
        }
    }

    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("Laurel: could not delete " + file + ": " + e.getMessage());
        }
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + "@" + process.info().startInstant().map(Instant::toString).orElse("");
    }

    /** The recorded process if it still runs and is the one recorded, not another that got its number since. */
    private static Optional<ProcessHandle> same(String recorded) {
        if (recorded == null || !recorded.contains("@")) {
            return Optional.empty();
        }
        String[] parts = recorded.split("@", 2);
        return ProcessHandle.of(Long.parseLong(parts[0])).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(Instant::toString).orElse("").equals(parts[1]));
    }

    private static void end(ProcessHandle process, String what) throws InterruptedException {
        System.out.println("Laurel: ending " + what + " (process " + process.pid() + ") left by a launcher that was killed");
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }
}
