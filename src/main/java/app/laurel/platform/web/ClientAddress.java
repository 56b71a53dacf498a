package app.laurel.platform.web;

import app.laurel.platform.config.LaurelConfig;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/**
 * The address a request really came from, for limits per address. Behind the TLS proxy every request comes from
 * the proxy; its {@code X-Forwarded-For} is believed only when the direct peer is one of the configured trusted
 * proxies, taking the last address the trusted chain did not add itself.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, LaurelConfig config) {
        List<String> trusted = config.trustedProxies();
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop.length() > 45 ? hop.substring(0, 45) : hop;
            }
        }
        return peer;
    }
}
