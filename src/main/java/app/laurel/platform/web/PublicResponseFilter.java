package app.laurel.platform.web;

import app.laurel.platform.cache.OneAtATime;
import app.laurel.platform.cache.PublicCache;
import app.laurel.platform.i18n.Messages;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The public pages and their JSON as a crowd reads them (a 公示 shared in WeChat groups): each answer is rendered
 * once and then served from {@link PublicCache} until something it shows changes, with a strong ETag (a repeat
 * visit or a CDN gets 304) and {@code Cache-Control: public} so that a CDN may keep it for a minute.
 * <p>
 * Only for strangers: a request with a cookie other than the language choice (a login session) or a token gets
 * the page rendered for it and {@code private, no-store}, since its page names the person. A page is stored only
 * if rendering it set no cookie and opened no session. Pages vary by the language cookie ({@code Vary: Cookie}),
 * JSON by {@code Accept-Language} (its messages). A visitor who forces a reload ({@code Cache-Control: no-cache})
 * gets a fresh rendering, which is stored for the others.
 * <p>
 * Declared in web.xml for the Faces servlet on requests and forwards (the short links {@code /n/…}, {@code /column/…},
 * {@code /verify/…} are forwarded to their pages) and for the public JSON addresses.
 */
public class PublicResponseFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /**
     * A CDN may keep the answer for the cache's own lifetime ({@code s-maxage}); a browser asks again each time
     * (with the ETag: a 304 costs nothing), so an organiser who has just published a correction never reads the
     * old notice from their own browser's cache.
     */
    static final String SHARED = "public, max-age=0, must-revalidate, s-maxage=" + PublicCache.TIME_TO_LIVE.toSeconds();
    static final String PERSONAL = "private, no-store";
    /** For the public GETs' OpenAPI descriptions. */
    public static final String DESCRIBED = "Without a token, the answer is shared: it carries a strong ETag (send it in "
            + "If-None-Match to get 304 while it is current) and Cache-Control: public, max-age=0, must-revalidate, s-maxage=60 "
            + "(a shared cache may keep it a minute, a browser asks again); with one, private, no-store.";
    private static final String LANGUAGE_COOKIE = "laurel_lang";
    private static final Set<String> PAGES = Set.of("/index.xhtml", "/contest.xhtml", "/notice.xhtml", "/verify.xhtml",
            "/column/index.xhtml", "/column/story.xhtml");
    private static final Pattern JSON = Pattern.compile(
            "/api/v1/(notices/public/[^/]+|column/[^/]+|column/[^/]+/items/\\d+|certificates/verify/[^/]+)");
    /** A clock moved by more than this (tests move the server's clock) makes stored pages stale: their phases changed. */
    private static final long CLOCK_JUMP_MILLIS = 1000;

    @Inject
    private PublicCache cache;

    @Inject
    private Clock clock;

    @Inject
    private Instance<PublicReads> readers;

    private List<PublicReads> reading;

    /** Under a crowd, one rendering of a page at a time; the others wait this long for it, then render themselves. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private final OneAtATime<Stored> renders = new OneAtATime<>();

    /** One page as it was sent. */
    record Stored(String contentType, Map<String, String> headers, byte[] body, String etag, boolean page, Instant clockAt,
                  long nanoAt) implements PublicCache.Sized {
        @Override
        public int bytes() {
            return body.length + 512;
        }
    }

    @Override
    public void init() {
        reading = readers.stream().toList();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean page = PAGES.contains(request.getServletPath());
        String path = typedPath(request);
        if (!"GET".equals(request.getMethod()) || !page && !JSON.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        reading.forEach(r -> r.served(path));
        if (personal(request)) {
            response.setHeader("Cache-Control", PERSONAL);
            chain.doFilter(request, response);
            return;
        }
        String key = key(request, path, page);
        if (!reloading(request)) {
            Stored stored = cache.find(key, Stored.class).orElse(null);
            if (stored != null && !clockJumped(stored)) {
                send(stored, request, response, true);
                return;
            }
        }
        CompletableFuture<Stored> other = renders.claim(key);
        if (other != null) {
            Stored rendered = OneAtATime.await(other, PATIENCE);
            if (rendered != null) {
                send(rendered, request, response, true);
                return;
            }
        }
        Stored stored = null;
        try {
            stored = render(request, response, chain, page, key);
        } finally {
            if (other == null) {
                renders.finish(key, stored);
            }
        }
    }

    /** Renders the answer, stores it if it may be shared, and sends it; what was stored, or null. */
    private Stored render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, boolean page, String key)
            throws IOException, ServletException {
        long generation = cache.generation();
        Instant clockAt = clock.instant();
        long nanoAt = System.nanoTime();
        CapturedResponse captured = new CapturedResponse(response);
        chain.doFilter(request, captured);
        if (captured.passedThrough()) {
            return null;
        }
        byte[] body = captured.body();
        if (captured.shareable() && request.getSession(false) == null && captured.getContentType() != null) {
            Stored stored = new Stored(captured.getContentType(), Map.copyOf(captured.headers()), body, etag(body), page,
                    clockAt, nanoAt);
            cache.put(key, generation, stored);
            send(stored, request, response, false);
            return stored;
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return null;
    }

    private static void send(Stored stored, HttpServletRequest request, HttpServletResponse response, boolean fromCache)
            throws IOException {
        response.setHeader("ETag", stored.etag());
        response.setHeader("Cache-Control", SHARED);
        response.setHeader("Vary", stored.page() ? "Cookie" : "Accept-Language");
        if (fromCache) {
            // Before a 304 too: the browser puts the 304's headers on its stored copy, so the page's own
            // Content-Security-Policy (with the nonce of the scripts in that copy) must come back, not the filter's
            // default, which would leave the stored page without its scripts (menus, language switch).
            stored.headers().forEach(response::setHeader);
        }
        if (matches(request.getHeader("If-None-Match"), stored.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (fromCache) {
            response.setContentType(stored.contentType());
        }
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    /** The address the visitor typed (before a short link was forwarded to its page), without the context path. */
    private static String typedPath(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri = forwarded != null ? (String) forwarded : request.getRequestURI();
        return uri.substring(Math.min(request.getContextPath().length(), uri.length()));
    }

    private static String key(HttpServletRequest request, String path, boolean page) {
        Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        boolean forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) != null;
        String query = forwarded ? (String) forwardedQuery : request.getQueryString();
        Locale language = page ? chosenLanguage(request) : Messages.fromAcceptLanguage(request.getHeader("Accept-Language"));
        return (page ? "page " : "json ") + language.toLanguageTag() + " " + path + (query == null ? "" : "?" + query);
    }

    private static Locale chosenLanguage(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    return Messages.supported(Locale.forLanguageTag(cookie.getValue().strip()));
                }
            }
        }
        return Messages.CHINESE;
    }

    /** Someone logged in (a session cookie) or calling with a token: their answer is theirs alone. */
    static boolean personal(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return true;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (!LANGUAGE_COOKIE.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean reloading(HttpServletRequest request) {
        String control = request.getHeader("Cache-Control");
        return control != null && control.toLowerCase(Locale.ROOT).contains("no-cache");
    }

    private boolean clockJumped(Stored stored) {
        long wall = (System.nanoTime() - stored.nanoAt()) / 1_000_000;
        long server = clock.millis() - stored.clockAt().toEpochMilli();
        return Math.abs(server - wall) > CLOCK_JUMP_MILLIS;
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
