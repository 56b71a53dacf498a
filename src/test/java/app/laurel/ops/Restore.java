package app.laurel.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code mvn -Prestore process-test-classes -Dlaurel.backup=DIR}: loads a {@link Backup} into an empty database and
 * an empty file store (it refuses anything else, so nothing is overwritten), then checks every stored file's SHA-256
 * against its row. Start the portal afterwards; Flyway finds the schema at the backed-up version and upgrades it.
 */
public final class Restore {

    private Restore() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: Restore BACKUP_DIR [DATA_DIR]");
        }
        try (Portal portal = Portal.of(System.getenv(), Path.of(args.length > 1 ? args[1] : "data"))) {
            System.out.println(run(portal, Path.of(args[0])));
        }
    }

    static String run(Portal portal, Path dir) throws Exception {
        Path backup = dir.toAbsolutePath();
        Path script = backup.resolve("laurel.sql");
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("no backup in " + backup + " (laurel.sql is missing)");
        }
        Path storedFiles = portal.storage.resolve("files");
        if (Files.isDirectory(storedFiles) && Files.list(storedFiles).findAny().isPresent()) {
            throw new IllegalStateException("the file store " + storedFiles + " is not empty: restore into an empty one");
        }
        long statements;
        List<String[]> files = new ArrayList<>();
        try (Connection db = portal.connect(); Statement sql = db.createStatement()) {
            try (ResultSet tables = sql.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()")) {
                tables.next();
                if (tables.getInt(1) > 0) {
                    throw new IllegalStateException("the database is not empty: restore into an empty one");
                }
            }
            try (Reader in = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
                statements = SqlScript.forEachStatement(in, statement -> {
                    try {
                        sql.execute(statement);
                    } catch (SQLException e) {
                        throw new IllegalStateException("restore failed at: "
                                + statement.substring(0, Math.min(200, statement.length())) + ": " + e.getMessage(), e);
                    }
                });
            }
            try (ResultSet row = sql.executeQuery("SELECT stored_name, sha256 FROM stored_file")) {
                while (row.next()) {
                    files.add(new String[] {row.getString(1), row.getString(2)});
                }
            }
        }
        List<String> bad = new ArrayList<>();
        // A file already damaged in the portal that was backed up (its bytes no longer match its row) is restored
        // as it was and named, not counted as a failed restore: the portal flags it as damaged as before.
        List<String> damagedBefore = new ArrayList<>();
        for (String[] file : files) {
            Path source = Portal.file(backup, file[0]);
            Path target = Portal.file(portal.storage, file[0]);
            if (!Files.isRegularFile(source)) {
                bad.add(file[0] + " (not in the backup)");
                continue;
            }
            String inBackup = sha256(source);
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
            if (!sha256(target).equals(inBackup)) {
                bad.add(file[0] + " (the copy differs from the backup)");
            } else if (!inBackup.equals(file[1])) {
                damagedBefore.add(file[0]);
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalStateException("restored, but these files are not as the backup has them: " + bad);
        }
        return "Laurel restored from " + backup + ": " + statements + " SQL statements, " + files.size() + " files"
                + (damagedBefore.isEmpty() ? ", every SHA-256 as recorded"
                        : "; " + damagedBefore.size() + " already differed from their rows when backed up (damaged in the"
                        + " portal, restored as they were): " + damagedBefore);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
