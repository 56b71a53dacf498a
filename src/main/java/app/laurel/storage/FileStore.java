package app.laurel.storage;

import app.laurel.platform.config.LaurelConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public Path root() {
        return root;
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
