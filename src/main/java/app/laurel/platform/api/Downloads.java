package app.laurel.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A file the browser saves rather than shows, never cached (exports hold personal data and change). */
public final class Downloads {

    private Downloads() {
    }

    /**
     * {@code body} saved as {@code name}, its Chinese kept in every browser (RFC 6266: {@code filename*}), with the
     * plain ASCII {@code fallback} for the rare client that reads only {@code filename}.
     */
    public static Response attachment(StreamingOutput body, String fallback, String name) {
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Cache-Control", "no-store").build();
    }
}
