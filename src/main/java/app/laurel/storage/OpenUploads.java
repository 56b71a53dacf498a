package app.laurel.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unfinished uploads lying in the uploads directory ({@code <id>.meta} beside {@code <id>.part}). The directory
 * is the truth: it is listed each time, and it holds only uploads under way or not yet cleared away.
 * <p>
 * Every declaration lists the open uploads under the declaring lock ({@link UploadService#begin}), so in a deadline
 * surge 300 declarations each read 300 {@code .meta} files while the others wait (JFR, issue 15). What a
 * {@code .meta} says (owner, declared length) never changes once written, so each node reads it once and keeps it while
 * the file is listed; only the bytes received are looked at each time, one {@code stat} per upload.
 */
final class OpenUploads {

    /** One unfinished upload: who declared it, how long it was declared, how much has arrived. */
    record Open(String id, String owner, long length, long received) {
    }

    private record Declared(String owner, long length) {
    }

    /** Keyed by the {@code .meta} file; an entry whose file is no longer listed is dropped at the next listing. */
    private static final Map<Path, Declared> DECLARED = new ConcurrentHashMap<>();

    private OpenUploads() {
    }

    static List<Open> in(Path uploads) throws IOException {
        List<Open> open = new ArrayList<>();
        Set<Path> listed = new HashSet<>();
        try (DirectoryStream<Path> metas = Files.newDirectoryStream(uploads, "*.meta")) {
            for (Path meta : metas) {
                listed.add(meta);
                String name = meta.getFileName().toString();
                String id = name.substring(0, name.length() - ".meta".length());
                Optional<Declared> declared = declared(meta);
                if (declared.isPresent()) {
                    long received = received(meta.resolveSibling(id + ".part"));
                    open.add(new Open(id, declared.get().owner(), declared.get().length(), received));
                }
            }
        }
        DECLARED.keySet().removeIf(meta -> meta.startsWith(uploads) && !listed.contains(meta));
        return open;
    }

    /** Remembers what this node has just written in {@code meta}, so that it is not read back. */
    static void declared(Path meta, String owner, long length) {
        DECLARED.put(meta, new Declared(owner, length));
    }

    private static Optional<Declared> declared(Path meta) throws IOException {
        Declared known = DECLARED.get(meta);
        if (known != null) {
            return Optional.of(known);
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
            Declared read = new Declared(properties.getProperty("owner", ""), Long.parseLong(properties.getProperty("length", "0")));
            if (properties.containsKey("owner") && properties.containsKey("length")) {
                DECLARED.put(meta, read); // complete; one still being written elsewhere (no shared lock) is read again
            }
            return Optional.of(read);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // finished or cleared while the directory was read
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long received(Path part) throws IOException {
        try {
            return Files.size(part);
        } catch (NoSuchFileException e) {
            return 0;
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
