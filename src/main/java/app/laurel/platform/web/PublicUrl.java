package app.laurel.platform.web;

import app.laurel.platform.config.LaurelConfig;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's address as printed on paper (QR codes on notices and certificates): the configured public URL,
 * else the scheme, host and port the request came in on, with the context path.
 */
public final class PublicUrl {

    private PublicUrl() {
    }

    public static String of(HttpServletRequest request, LaurelConfig config) {
        return config.publicUrl().orElseGet(() -> {
            String scheme = request.getScheme();
            int port = request.getServerPort();
            boolean standard = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + request.getServerName() + (standard ? "" : ":" + port) + request.getContextPath();
        });
    }

    /**
     * What goes before a path in a redirect: the scheme and host of the configured public address, or nothing
     * (a path alone is a valid {@code Location}). Never the request's {@code Host}, which the client chose.
     */
    public static String origin(LaurelConfig config) {
        return config.publicUrl().map(url -> url.replaceFirst("^(https?://[^/]+).*$", "$1")).orElse("");
    }
}
