package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every answer says about itself (issue 11, items 9 and 10): the security headers on every kind of address,
 * the clean addresses that are forwarded and the error pages included; a Content-Security-Policy without inline
 * scripts on pages; no server banner; no client-chosen Host in a redirect; SameSite on the session cookie; and a
 * stale page state answered with the 页面已过期 page, 400 and one log line.
 */
@ExtendWith(LaurelServerExtension.class)
class SecurityHeadersIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(TestServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyKindOfAddressCarriesTheHeadersAndNoBanner(TestServer server) throws Exception {
        List<String> pages = List.of("/", "/login.xhtml", "/column/HY2021", "/n/NOSUCH9", "/verify/HY2021-AAAA-BBBB-CCCC",
                "/contest.xhtml?contest=HY2021");
        List<String> others = List.of("/api/v1/column/HY2021", "/api/v1/me", "/health/ready",
                "/jakarta.faces.resource/css/laurel.css.xhtml", "/jakarta.faces.resource/js/laurel-page.js.xhtml",
                "/qr/notice/NOSUCH9.png", "/media/1");
        List<String> problems = new ArrayList<>();
        for (String path : concat(pages, others)) {
            HttpHeaders headers = get(server, path).headers();
            expect(problems, path, headers, "X-Content-Type-Options", "nosniff");
            expect(problems, path, headers, "Referrer-Policy", "strict-origin-when-cross-origin");
            expect(problems, path, headers, "X-Frame-Options", "SAMEORIGIN");
            expect(problems, path, headers, "X-XSS-Protection", "0");
            if (headers.firstValue("Strict-Transport-Security").isPresent()) {
                problems.add(path + ": HSTS over plain http would lock browsers out of this portal");
            }
            if (headers.allValues("Content-Security-Policy").size() != 1) {
                problems.add(path + ": Content-Security-Policy " + headers.allValues("Content-Security-Policy"));
            }
            if (headers.firstValue("Server").isPresent() || headers.firstValue("X-Powered-By").isPresent()) {
                problems.add(path + ": banner " + headers.firstValue("Server") + " " + headers.firstValue("X-Powered-By"));
            }
        }
        for (String path : pages) {
            String policy = get(server, path).headers().firstValue("Content-Security-Policy").orElse("");
            String scripts = policy.substring(policy.indexOf("script-src"));
            if (!scripts.contains("'nonce-") || scripts.contains("unsafe-inline") || scripts.contains("unsafe-eval")
                    || !policy.contains("object-src 'none'") || !policy.contains("frame-ancestors 'self'")) {
                problems.add(path + ": page policy " + policy);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void expect(List<String> problems, String path, HttpHeaders headers, String name, String value) {
        if (!headers.allValues(name).equals(List.of(value))) {
            problems.add(path + ": " + name + " " + headers.allValues(name));
        }
    }

    @Test
    void theLoginRedirectIgnoresTheHostHeader(TestServer server) throws Exception {
        List<String> answer = raw(server, "GET /account/index.xhtml HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertTrue(answer.get(0).contains(" 302 "), answer.toString());
        String location = header(answer, "Location");
        assertEquals("/login.xhtml", location, "a path alone, never the Host the client chose");
    }

    @Test
    void theApisLocationHeaderIgnoresTheHostHeader(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        String body = ConcurrentEditIT.settings("LOC" + System.nanoTime() % 1_000_000, "地址测试", "0551-7654321", null);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<String> answer = raw(server, "POST /api/v1/contests HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer "
                + organiser + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1));
        assertTrue(answer.get(0).contains(" 201 "), answer.toString());
        String location = header(answer, "Location");
        assertTrue(location.startsWith("/api/v1/contests/LOC"), "a path alone, never the Host the client chose: " + location);
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly(TestServer server) throws Exception {
        String cookie = get(server, "/account/index.xhtml").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("samesite=lax") && cookie.contains("HttpOnly"), cookie);
    }

    @Test
    void aStalePageStateAnswers400WithTheExpiredPageAndOneLogLine(TestServer server) throws Exception {
        Path log = Path.of(System.getProperty("laurel.test.work", "target/it-server"), "payara.log");
        long before = Files.size(log);
        // As a browser posts it: PrimeFaces adds its CSP nonce to every form; the state is one the server never had.
        String nonce = java.util.Base64.getEncoder().encodeToString(java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        String stale = "login=login&login%3Ausername=someone&login%3Apassword=x&login%3Asubmit="
                + "&jakarta.faces.ViewState=-4711%3A-0815&primefaces.nonce=" + java.net.URLEncoder.encode(nonce, StandardCharsets.UTF_8);
        HttpResponse<String> full = post(server, "/login.xhtml", stale, false);
        assertEquals(400, full.statusCode());
        assertTrue(full.body().contains("页面已过期"), full.body());
        assertTrue(full.headers().firstValue("Content-Security-Policy").orElse("").contains("'nonce-"));

        HttpResponse<String> ajax = post(server, "/login.xhtml", stale
                + "&jakarta.faces.partial.ajax=true&jakarta.faces.source=login%3Asubmit&jakarta.faces.partial.execute=%40all", true);
        assertEquals(200, ajax.statusCode(), "PrimeFaces shows nothing for an AJAX error status");
        assertTrue(ajax.body().contains("<redirect url=\"/errors/expired.xhtml\""), ajax.body());
        HttpResponse<String> page = get(server, "/errors/expired.xhtml");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("页面已过期"));

        // As a scanner posts it: a made-up state and no nonce, on a page anyone may open.
        HttpResponse<String> scanner = post(server, "/index.xhtml", "jakarta.faces.ViewState=stateless&x=%3Cscript%3E", false);
        assertEquals(400, scanner.statusCode());
        assertTrue(scanner.body().contains("页面已过期"), scanner.body());

        String written = "";
        for (int i = 0; i < 50 && count(written, "Stale or unknown page state") < 3; i++) {
            Thread.sleep(100);
            byte[] all = Files.readAllBytes(log);
            written = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
        }
        assertEquals(3, count(written, "Stale or unknown page state"), written);
        for (String trace : List.of("ViewExpiredException", "CspException", "FacesException", "StandardWrapperValve")) {
            assertFalse(written.contains(trace), "no stack trace:\n" + written);
        }
    }

    private HttpResponse<String> post(TestServer server, String path, String form, boolean ajax) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    /** A request as written, for headers the JDK's client will not send (Host); the status line and headers back. */
    private static List<String> raw(TestServer server, String request) throws Exception {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }

    private static String header(List<String> lines, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(l -> l.substring(prefix.length()).strip()).findFirst().orElse("");
    }
}
