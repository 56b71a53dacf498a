package app.laurel.storage;

import java.util.Set;

/**
 * Whether a feature lets a caller read a stored file it holds. Storage knows only who uploaded a file, not whose
 * entry, scorecard or report it belongs to: each feature that keeps files answers for its own, with its own queries,
 * and {@link MediaService} asks them all and takes the strongest answer.
 */
public interface FileReadPolicy {

    /** From weakest to strongest: the order is how answers are combined. */
    enum Access {
        /** Not through this feature. */
        NONE,
        /** As a judge scoring blind: a copy without what tells who made the file, never the original. */
        BLIND_COPY,
        /** The file as it was uploaded. */
        FULL;

        public Access or(Access other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /** Who asks: their username and the roles the calling service saw them in. */
    record Reader(String username, Set<String> roles) {

        public boolean is(String role) {
            return roles.contains(role);
        }
    }

    Access access(StoredFile file, Reader reader);
}
