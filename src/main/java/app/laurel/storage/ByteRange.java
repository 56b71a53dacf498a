package app.laurel.storage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range ({@code Range: bytes=start-end}, {@code bytes=start-}, {@code bytes=-suffix}) resolved
 * against a file's length. One range only: that is what video players send when seeking; a request for
 * several ranges is answered with the whole file, which HTTP allows.
 */
public record ByteRange(long start, long end) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    public long length() {
        return end - start + 1;
    }

    /**
     * @return empty for no header or one we answer with the whole file; a range, possibly
     *         {@link #unsatisfiable()}, otherwise
     */
    public static Optional<ByteRange> parse(String header, long fileLength) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    return Optional.of(unsatisfiable());
                }
                return Optional.of(new ByteRange(Math.max(0, fileLength - suffix), fileLength - 1));
            }
            long start = Long.parseLong(m.group(1));
            long end = m.group(2).isEmpty() ? fileLength - 1 : Math.min(Long.parseLong(m.group(2)), fileLength - 1);
            if (start >= fileLength || end < start) {
                return Optional.of(unsatisfiable());
            }
            return Optional.of(new ByteRange(start, end));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static ByteRange unsatisfiable() {
        return new ByteRange(-1, -2);
    }

    public boolean isSatisfiable() {
        return start >= 0;
    }
}
