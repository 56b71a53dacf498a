package app.laurel.publication;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * What one honour certificate (荣誉证书) says. {@code body} is the organiser's text with its placeholders already
 * resolved (see {@link CertificateRenderer#fill}); {@code work} and {@code award} travel with it for the
 * verification page and may be null where a certificate honours a person rather than a work. {@code sealPng} is
 * optional; {@code locale} chooses the language of the printed labels and the date (null means Chinese).
 */
public record CertificateContent(String title, String body, String holder, String work, String award, String issuer,
                                 LocalDate date, String serial, String verifyUrl, byte[] sealPng, Locale locale) {

    public CertificateContent {
        requireText(title, "title");
        requireText(body, "body");
        requireText(holder, "holder");
        requireText(issuer, "issuer");
        Objects.requireNonNull(date, "date");
        requireText(serial, "serial");
        requireText(verifyUrl, "verifyUrl");
        sealPng = sealPng == null ? null : sealPng.clone();
    }

    /** A copy: the seal cannot be changed through a certificate once made. */
    @Override
    public byte[] sealPng() {
        return sealPng == null ? null : sealPng.clone();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
