package app.laurel.storage;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each upload under way, over the bytes this node has written so far, so that the piece which
 * completes a 4 GB video does not read it all again before answering (issue 15: the re-read was a third of the
 * last piece's wait). It is only a shortcut: a piece that breaks off, a resumed upload whose earlier pieces went to
 * another node, or a restart leaves no digest here, and the file is then hashed from the disk as before.
 */
@ApplicationScoped
public class UploadDigests {

    private record Partial(long offset, MessageDigest digest, long keptAt) {
    }

    /** Past this many uploads under way, digests kept longer than {@link #STALE_NANOS} go (abandoned uploads). */
    private static final int PRUNE_ABOVE = 1000;
    private static final long STALE_NANOS = 3_600_000_000_000L;

    private final Map<String, Partial> partial = new ConcurrentHashMap<>();

    /**
     * The digest of the first {@code offset} bytes of upload {@code id}, taken out of the map so that two pieces
     * sent at once cannot both go on with it; a fresh digest at offset 0; null when this node does not have it.
     */
    MessageDigest resume(String id, long offset) {
        Partial kept = partial.remove(id);
        if (offset == 0) {
            return newDigest();
        }
        return kept != null && kept.offset() == offset ? kept.digest() : null;
    }

    /** Keeps the digest of the first {@code offset} bytes for the next piece. */
    void keep(String id, long offset, MessageDigest digest) {
        long now = System.nanoTime();
        if (partial.size() > PRUNE_ABOVE) {
            partial.values().removeIf(old -> now - old.keptAt() > STALE_NANOS); // resumed later, it is hashed from disk
        }
        partial.put(id, new Partial(offset, digest, now));
    }

    void forget(String id) {
        partial.remove(id);
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
