package app.laurel.storage;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Optional;

/** Writes a readable file to an HTTP response, honouring a single Range; shared by the page servlet and the API. */
public final class MediaResponses {

    private MediaResponses() {
    }

    /** Writes the whole file, or the requested range with 206, or 416 for a range past the end. */
    public static void send(MediaService.Media found, String rangeHeader, HttpServletResponse response) throws IOException {
        send(found, rangeHeader, response, "private, max-age=3600");
    }

    /**
     * As {@link #send(MediaService.Media, String, HttpServletResponse)} with the caching the caller chooses:
     * files everyone may read (the public column's) can be kept by shared caches, others only by the browser.
     */
    public static void send(MediaService.Media found, String rangeHeader, HttpServletResponse response,
                            String cacheControl) throws IOException {
        long length = found.length();
        response.setContentType(found.file().getMediaType());
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("Content-Disposition", "inline");
        Optional<ByteRange> range = ByteRange.parse(rangeHeader, length);
        if (range.isPresent() && !range.get().isSatisfiable()) {
            response.setHeader("Content-Range", "bytes */" + length);
            response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            return;
        }
        ByteRange bytes = range.orElse(new ByteRange(0, length - 1));
        if (range.isPresent()) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + bytes.start() + "-" + bytes.end() + "/" + length);
        }
        response.setContentLengthLong(bytes.length());
        try (InputStream in = Files.newInputStream(found.path()); OutputStream out = response.getOutputStream()) {
            in.skipNBytes(bytes.start());
            byte[] buffer = new byte[64 * 1024];
            long left = bytes.length();
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
    }
}
