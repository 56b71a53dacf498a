package app.laurel.storage;

import app.laurel.platform.config.LaurelConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The storage directory. It is created at start-up if missing; if it cannot be written the portal reports
 * itself not ready rather than accepting uploads it would lose.
 */
@ApplicationScoped
public class FileStore {

    private static final Logger LOG = Logger.getLogger(FileStore.class.getName());

    @Inject
    private LaurelConfig config;

    private Path root;

    @PostConstruct
    void init() {
        root = config.storageDir();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            LOG.severe(() -> "Cannot create the storage directory " + root + ": " + e);
        }
    }

    /** Unfinished uploads: {@code uploads/<id>.part} with its {@code .meta}. Never served. */
    public Path uploads() throws IOException {
        return Files.createDirectories(root.resolve("uploads"));
    }

    /**
     * Moves a fully received, checked file into place under a generated name, forcing it to disk first, so
     * that once the database row that names it commits, a crash cannot lose it.
     */
    public String commit(Path received, String extension) throws IOException {
        try (FileChannel channel = FileChannel.open(received, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        String name = UUID.randomUUID().toString().replace("-", "") + extension;
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        Files.move(received, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(target.getParent());
        return name;
    }

    /** Where a stored file lives: fanned out by the first two characters so no directory grows huge. */
    public Path resolve(String storedName) {
        checkStoredName(storedName);
        return root.resolve("files").resolve(storedName.substring(0, 2)).resolve(storedName);
    }

    /**
     * Where the judges' copy of a stored document without its metadata is kept ({@link MetadataStripper}); made
     * once on first demand and reused, since stored files never change. Only documents judges read get one, so
     * the directory is not fanned out.
     */
    public Path judgeCopy(String storedName) throws IOException {
        checkStoredName(storedName);
        return Files.createDirectories(root.resolve("judge-copies")).resolve(storedName);
    }

    /**
     * Where the judges' copy of a .docx with names blacked out in its text is kept ({@link DocxText}): one per set
     * of hidden terms ({@code key}), so that a term added later makes a new copy instead of serving a stale one.
     */
    public Path judgeCopy(String storedName, String key) throws IOException {
        checkStoredName(storedName);
        if (!key.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("not a key: " + key);
        }
        return Files.createDirectories(root.resolve("judge-copies").resolve(key)).resolve(storedName);
    }

    /**
     * Where a generated download is assembled (a ZIP of certificates): {@code batches/<job>.zip}, written to a
     * temporary name first so that a half-written one is never served.
     */
    public Path batch(String jobId) throws IOException {
        if (!jobId.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a job id: " + jobId);
        }
        return Files.createDirectories(root.resolve("batches")).resolve(jobId + ".zip");
    }

    /**
     * The file that {@link DirectoryLock} locks for the work called {@code name}: under {@code locks/}, holding no
     * data, never served, never deleted (deleting a lock file another node waits on would let a third in).
     */
    public Path lockFile(String name) throws IOException {
        if (!name.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("not a lock name: " + name);
        }
        return Files.createDirectories(root.resolve("locks")).resolve(name + ".lock");
    }

    private static void checkStoredName(String storedName) {
        if (!storedName.matches("[0-9a-f]{32}(\\.[a-z0-9]{1,5})?")) {
            throw new IllegalArgumentException("not a stored name: " + storedName);
        }
    }

    public void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete " + path + ": " + e);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for sync; the move itself is still atomic.
        }
    }

    /** Deletes a stored file and the judges' copies made of it, once its row is gone. */
    public void deleteWithCopies(String storedName) {
        deleteQuietly(resolve(storedName));
        Path copies = root.resolve("judge-copies");
        deleteQuietly(copies.resolve(storedName));
        try (DirectoryStream<Path> keys = Files.newDirectoryStream(copies, Files::isDirectory)) {
            for (Path key : keys) {
                deleteQuietly(key.resolve(storedName));
            }
        } catch (IOException e) {
            // no judges' copies at all
        }
    }

    /** True when a file can really be written there now: a probe file is created and deleted. */
    public boolean isWritable() {
        try {
            Path probe = Files.createTempFile(root, ".probe-", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
