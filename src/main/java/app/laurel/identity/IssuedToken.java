package app.laurel.identity;

import java.time.Instant;

/** A freshly issued API token: the only moment its plain value exists outside the client. */
public record IssuedToken(String token, Instant expiresAt) {
}
