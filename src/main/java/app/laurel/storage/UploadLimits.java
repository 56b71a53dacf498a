package app.laurel.storage;

import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.config.LaurelConfig.Key;
import app.laurel.platform.error.LaurelException;

import java.time.Duration;

/**
 * What one declaration of an upload may promise. A declaration costs nothing to send, so without limits a script
 * promises more than the disk holds and fills it with parts and files nobody attaches. A person (a citizen, a
 * judge) may have {@code maxOpen} unfinished uploads and {@code maxStoredBytes} in files and declared uploads
 * together, a unit more ({@code unitMaxStoredBytes}: it submits for many people and reports for a campaign);
 * organisers, administrators and the anonymous evidence account have no limit of their own (staff, and
 * evidence is limited per phone and address by the objection rules). Whoever declares, the disk must hold it
 * with {@code reserveBytes} to spare once every open upload has arrived.
 */
record UploadLimits(long maxOpen, long maxStoredBytes, long unitMaxStoredBytes, long reserveBytes, Duration keepUnfinished) {

    static final long MB = 1024L * 1024;

    /** Whom a limit applies to. */
    enum Holder { PERSON, UNIT, UNLIMITED }

    static UploadLimits of(LaurelConfig config) {
        return new UploadLimits(config.number(Key.UPLOADS_MAX_OPEN), config.number(Key.UPLOADS_MAX_STORED_MB) * MB,
                config.number(Key.UPLOADS_UNIT_MAX_STORED_MB) * MB, config.number(Key.STORAGE_RESERVE_MB) * MB,
                config.duration(Key.UPLOADS_KEEP_UNFINISHED));
    }

    /**
     * Refuses a declaration of {@code length} bytes by a holder who has {@code open} unfinished uploads and
     * {@code usedBytes} in stored files plus declared uploads.
     */
    void checkAccount(Holder holder, long open, long usedBytes, long length) {
        if (holder == Holder.UNLIMITED) {
            return;
        }
        if (open >= maxOpen) {
            throw LaurelException.conflict("upload.tooManyOpen", maxOpen, Math.max(1, keepUnfinished.toDays()));
        }
        long limit = holder == Holder.UNIT ? unitMaxStoredBytes : maxStoredBytes;
        if (usedBytes + length > limit) {
            throw LaurelException.conflict("upload.quotaExceeded", megabytes(length), limit / MB, megabytes(usedBytes));
        }
    }

    /**
     * Refuses a declaration the disk cannot hold: {@code usableBytes} free now, of which {@code promisedBytes} are
     * still to arrive for open uploads, and the reserve is kept for the database, logs and judges' copies.
     */
    void checkDisk(long usableBytes, long promisedBytes, long length) {
        long room = usableBytes - promisedBytes - reserveBytes;
        if (length > room) {
            throw LaurelException.conflict("upload.diskFull", megabytes(length), Math.max(0, room) / MB);
        }
    }

    /** Megabytes, rounded up, so that a small file is not called "0 MB". */
    private static long megabytes(long bytes) {
        return (bytes + MB - 1) / MB;
    }
}
