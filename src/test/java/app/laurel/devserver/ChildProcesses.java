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
 * Payara in {@code data/launcher.pid}; the next start ends what a dead launcher left behind on the same data: the
 * recorded Payara (if it is still that process: same start time) and any mariadbd serving {@code data/db}.
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
            Optional<ProcessHandle> payara = same(recorded.getProperty("payara"));
            if (payara.isPresent()) {
                end(payara.get(), "Payara Micro");
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

    void record(long payaraPid, int dbPort) throws IOException {
        Properties current = new Properties();
        current.setProperty("launcher", describe(ProcessHandle.current()));
        current.setProperty("dbPort", String.valueOf(dbPort));
        ProcessHandle.of(payaraPid).ifPresent(p -> current.setProperty("payara", describe(p)));
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
