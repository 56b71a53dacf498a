package app.laurel.publication.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short links printed on paper and in QR codes: {@code /n/{code}} opens a public notice, {@code /verify/{serial}}
 * a certificate's verification page ({@code /verify} alone, its box to type a serial). Forwarded inside the server, so the address a citizen typed stays.
 */
@WebFilter(urlPatterns = {"/n/*", "/verify/*"})
public class PublicLinkFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern NOTICE = Pattern.compile("/n/([0-9a-z]{4,12})/?");
    private static final Pattern VERIFY = Pattern.compile("/verify/([0-9A-Za-z-]{4,32})/?");
    private static final Pattern SERIAL = Pattern.compile("[0-9A-Za-z-]{4,32}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher notice = NOTICE.matcher(path);
        Matcher verify = VERIFY.matcher(path);
        if (notice.matches()) {
            request.getRequestDispatcher("/notice.xhtml?code=" + notice.group(1)).forward(request, response);
        } else if (verify.matches()) {
            forwardToVerify(request, response, verify.group(1));
        } else if ("/verify".equals(path) || "/verify/".equals(path)) {
            typedSerial(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * {@code /verify?serial=…}, what the box on the verification page sends: a well-formed serial goes to its own
     * address (the one the QR code prints); without one, the box; anything else, the page saying no such certificate.
     */
    private static void typedSerial(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String typed = request.getParameter("serial") == null ? "" : request.getParameter("serial").replaceAll("\\s", "");
        if (SERIAL.matcher(typed).matches()) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/verify/" + typed);
        } else {
            forwardToVerify(request, response, typed);
        }
    }

    private static void forwardToVerify(HttpServletRequest request, HttpServletResponse response, String serial)
            throws IOException, ServletException {
        request.getRequestDispatcher("/verify.xhtml?serial=" + URLEncoder.encode(serial, StandardCharsets.UTF_8))
                .forward(request, response);
    }
}
