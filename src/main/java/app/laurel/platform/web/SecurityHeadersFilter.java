package app.laurel.platform.web;

import app.laurel.platform.config.LaurelConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Headers every response carries: no MIME sniffing (uploads are served later), no framing by other sites
 * (clickjacking on the scoring and objection forms), no full URLs leaking to other sites in Referer, and a
 * Content-Security-Policy. Declared first in web.xml and run on REQUEST, FORWARD and ERROR dispatches, so that
 * the clean addresses ({@code /column/…}, {@code /n/…}, {@code /verify/…}), which other filters forward, and the
 * error pages carry them too.
 * <p>
 * The policy set here allows nothing but this site's own files; on a page PrimeFaces replaces it with the page's
 * policy, which adds the nonce of that page's scripts (see {@code primefaces.CSP_POLICY} in web.xml). The
 * wrapper makes PrimeFaces' {@code addHeader} replace rather than add, since a browser obeys every policy it gets.
 * <p>
 * Redirects name only a path (or the configured public address), never the {@code Host} the request came with.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CSP = "Content-Security-Policy";
    /**
     * For everything that is not a page: JSON, stored files, images, scripts. No script runs in a stored file even
     * if a browser is tricked into showing one as HTML or SVG; plugins stay allowed from this site, since a
     * browser's own PDF viewer counts as one and judges read PDFs.
     */
    static final String DEFAULT_POLICY = "default-src 'self'; script-src 'none'; object-src 'self'; "
            + "frame-ancestors 'self'; base-uri 'none'; form-action 'self'";

    @Inject
    private LaurelConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        addTo(response);
        // Only where the portal is reached over TLS (directly, or behind a proxy at an https public address): a
        // browser told this over plain http would refuse the portal until it has TLS.
        if (request.isSecure() || PublicUrl.origin(config).startsWith("https://")) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response instanceof Guarded ? response : new Guarded(response, PublicUrl.origin(config)));
    }

    /**
     * Sets the headers; also called by the authentication mechanism, whose answers (the redirect to log in, a
     * refused token) are sent before any filter runs.
     */
    public static void addTo(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        // The old browsers' XSS auditor could be abused to blank parts of a page; CSP does its job (OWASP: send 0).
        response.setHeader("X-XSS-Protection", "0");
        if (!response.containsHeader(CSP)) {
            response.setHeader(CSP, DEFAULT_POLICY);
        }
    }

    private static final class Guarded extends HttpServletResponseWrapper {

        private final String origin;

        Guarded(HttpServletResponse response, String origin) {
            super(response);
            this.origin = origin;
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (location.startsWith("/") && !location.startsWith("//")) {
                // The container would make it absolute from the Host header, which the client chose.
                resetBuffer();
                setStatus(SC_FOUND);
                setHeader("Location", origin + location);
                flushBuffer();
            } else {
                super.sendRedirect(location);
            }
        }
    }
}
