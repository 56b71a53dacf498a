package app.laurel.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A lock for work on the storage directory that all nodes share (issue 16): a Java monitor keeps this node's
 * threads apart (the operating system's lock belongs to the whole process), and an exclusive lock on a small file in
 * the shared directory keeps the other nodes' processes apart ({@link FileStore#lockFile}). The shared
 * mount must support POSIX locks (a local disk, NFSv4, NFSv3 with lockd; not an NFS mount with {@code nolock}):
 * where it does not, the work runs under the monitor alone, with a warning, as on a single node.
 */
final class DirectoryLock {

    private static final Logger LOG = Logger.getLogger(DirectoryLock.class.getName());

    /** Work done while the lock is held; keep it short, or others wait as long. */
    interface Work<T> {
        T run() throws IOException;
    }

    private DirectoryLock() {
    }

    static <T> T holding(Object monitor, Path lockFile, Work<T> work) throws IOException {
        synchronized (monitor) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = lockOrNull(channel, lockFile);
                try {
                    return work.run();
                } finally {
                    if (lock != null) {
                        lock.release();
                    }
                }
            }
        }
    }

    private static FileLock lockOrNull(FileChannel channel, Path lockFile) {
        try {
            return channel.lock();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The storage directory cannot be locked (" + lockFile + "): other nodes are not kept out", e);
            return null;
        }
    }
}
