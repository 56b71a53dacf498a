package app.laurel.platform.time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Tests only: the server's clock moved forward by the ISO-8601 duration written in a file (PT15S), so that a test
 * sees a notice period end without sleeping it out. It exists only when {@code laurel.clock.offset-file} is set,
 * which production never does; there is no endpoint. Every deadline is still decided by this clock on the server,
 * never by the caller. The file is read again whenever it changes; no file means no offset.
 */
final class SettableClock extends Clock {

    private final Clock base;
    private final Path offsetFile;
    private volatile FileTime seen;
    private volatile Duration offset = Duration.ZERO;

    SettableClock(Clock base, Path offsetFile) {
        this.base = base;
        this.offsetFile = offsetFile;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SettableClock(base.withZone(zone), offsetFile);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset());
    }

    private Duration offset() {
        try {
            FileTime modified = Files.getLastModifiedTime(offsetFile);
            if (!modified.equals(seen)) {
                String text = Files.readString(offsetFile).strip();
                offset = text.isEmpty() ? Duration.ZERO : Duration.parse(text).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                seen = modified;
            }
        } catch (NoSuchFileException e) {
            offset = Duration.ZERO;
            seen = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return offset;
    }
}
