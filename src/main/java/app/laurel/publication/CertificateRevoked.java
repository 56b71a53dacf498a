package app.laurel.publication;

/** An issued certificate was revoked; verification now says so (fired inside the revoking transaction). */
public record CertificateRevoked(long certificateId) {
}
