package app.laurel.publication;

/** An honour certificate was issued to a winning entry (fired inside the issuing transaction, once per certificate). */
public record CertificateIssued(long certificateId) {
}
