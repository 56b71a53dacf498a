package app.laurel.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The unfinished uploads lying in the uploads directory ({@code <id>.meta} beside {@code <id>.part}), read from the
 * disk each time: the directory is the truth, and it holds only uploads under way or not yet cleared away.
 */
final class OpenUploads {

    /** One unfinished upload: who declared it, how long it was declared, how much has arrived, when it was last touched. */
    record Open(String id, String owner, long length, long received, Instant touched) {
    }

    private OpenUploads() {
    }

    static List<Open> in(Path uploads) throws IOException {
        List<Open> open = new ArrayList<>();
        try (DirectoryStream<Path> metas = Files.newDirectoryStream(uploads, "*.meta")) {
            for (Path meta : metas) {
                read(meta).ifPresent(open::add);
            }
        }
        return open;
    }

    private static Optional<Open> read(Path meta) throws IOException {
        String name = meta.getFileName().toString();
        String id = name.substring(0, name.length() - ".meta".length());
        Path part = meta.resolveSibling(id + ".part");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
            long received = Files.exists(part) ? Files.size(part) : 0;
            Instant touched = latest(meta, part);
            return Optional.of(new Open(id, properties.getProperty("owner", ""),
                    Long.parseLong(properties.getProperty("length", "0")), received, touched));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // finished or cleared while the directory was read
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** When the upload was last touched: bytes arrive in the part, a resumed upload also touches its meta. */
    static Instant latest(Path meta, Path part) throws IOException {
        Instant latest = Instant.EPOCH;
        for (Path file : List.of(meta, part)) {
            try {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                latest = modified.isAfter(latest) ? modified : latest;
            } catch (NoSuchFileException e) {
                // one half missing: the other decides
            }
        }
        return latest;
    }
}
