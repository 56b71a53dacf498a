package app.laurel.platform.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A response whose body is held back (a public page is tens of kilobytes) so that {@link PublicResponseFilter} can
 * store it and send it with its ETag; headers go through at once and are noted. Nothing is committed until the
 * filter writes the body: a flush is held back too. An error or a redirect goes through as it is and is not stored.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream(32 * 1024);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean cookieSet;
    private boolean passedThrough;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    /** The body as written so far. */
    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    /** The headers set while rendering, except those the filter decides (length, caching, cookies). */
    Map<String, String> headers() {
        return headers;
    }

    /** Whether the page may be shared: it set no cookie and was not an error or a redirect. */
    boolean shareable() {
        return !cookieSet && !passedThrough && getStatus() == SC_OK;
    }

    boolean passedThrough() {
        return passedThrough;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("a captured page is written synchronously");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        // Held back: the filter sends the body, with its length and ETag, once the page is complete.
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public void reset() {
        super.reset();
        body.reset();
        headers.clear();
    }

    @Override
    public void setContentLength(int len) {
        // The filter sets the length of what it sends.
    }

    @Override
    public void setContentLengthLong(long len) {
        // The same.
    }

    @Override
    public void setHeader(String name, String value) {
        note(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        note(name, value);
        super.addHeader(name, value);
    }

    @Override
    public void addCookie(Cookie cookie) {
        cookieSet = true;
        super.addCookie(cookie);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        passedThrough = true;
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        passedThrough = true;
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        passedThrough = true;
        super.sendRedirect(location);
    }

    private void note(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("set-cookie")) {
            cookieSet = true;
        } else if (!lower.equals("content-length") && !lower.equals("etag") && !lower.equals("cache-control")
                && !lower.equals("vary") && !lower.equals("date")) {
            headers.put(name, value);
        }
    }
}
