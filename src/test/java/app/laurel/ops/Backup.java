package app.laurel.ops;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code mvn -Pbackup process-test-classes -Dlaurel.backup=DIR}: the database as SQL ({@code DIR/laurel.sql}, one
 * consistent snapshot) and every stored file that snapshot names ({@code DIR/files/…}). Stored files never change
 * once committed, so copying them after the snapshot is consistent; files stored after it are not taken, as their
 * rows are not in the dump either. Works while the portal runs. Exit code 1 when a referenced file was missing.
 */
public final class Backup {

    private Backup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: Backup BACKUP_DIR [DATA_DIR]");
        }
        try (Portal portal = Portal.of(System.getenv(), Path.of(args.length > 1 ? args[1] : "data"))) {
            Result result = run(portal, Path.of(args[0]));
            System.out.println(result);
            System.exit(result.missing().isEmpty() ? 0 : 1);
        }
    }

    record Result(Path dir, Map<String, Long> rows, int files, long bytes, List<String> missing) {
        @Override
        public String toString() {
            return "Laurel backup in " + dir + ": " + rows.size() + " tables, "
                    + rows.values().stream().mapToLong(Long::longValue).sum() + " rows, " + files + " files ("
                    + bytes + " bytes)" + (missing.isEmpty() ? "" : "; MISSING from the file store: " + missing);
        }
    }

    static Result run(Portal portal, Path dir) throws Exception {
        Path target = dir.toAbsolutePath();
        if (Files.exists(target) && Files.list(target).findAny().isPresent()) {
            throw new IllegalStateException(target + " is not empty: back up into a new directory");
        }
        Files.createDirectories(target);
        SqlDump dump = new SqlDump();
        try (Connection db = portal.connect();
             Writer out = Files.newBufferedWriter(target.resolve("laurel.sql"), StandardCharsets.UTF_8)) {
            dump.write(db, out);
        }
        long bytes = 0;
        List<String> missing = new ArrayList<>();
        for (String name : dump.storedNames()) {
            Path source = Portal.file(portal.storage, name);
            if (!Files.isRegularFile(source)) {
                missing.add(name);
                continue;
            }
            Path copy = Portal.file(target, name);
            Files.createDirectories(copy.getParent());
            Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
            bytes += Files.size(copy);
        }
        Properties about = new Properties();
        about.setProperty("created", Instant.now().toString());
        about.setProperty("tables", String.valueOf(dump.rows().size()));
        about.setProperty("files", String.valueOf(dump.storedNames().size() - missing.size()));
        about.setProperty("missing", String.join(",", missing));
        dump.rows().forEach((table, count) -> about.setProperty("rows." + table, String.valueOf(count)));
        try (Writer out = Files.newBufferedWriter(target.resolve("backup.properties"))) {
            about.store(out, "Laurel backup: restore with mvn -Prestore process-test-classes -Dlaurel.backup=DIR");
        }
        return new Result(target, dump.rows(), dump.storedNames().size() - missing.size(), bytes, missing);
    }
}
