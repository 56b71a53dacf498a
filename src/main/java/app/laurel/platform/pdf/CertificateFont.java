package app.laurel.platform.pdf;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calligraphic face (AR PL UKai CN, 楷体) certificates are set in. The project brings it, because a fresh server
 * has no CJK font at all; campaign summaries use it for the same reason, so it lives here for every feature that
 * prints a PDF.
 * <p>
 * A parsed face is used by one render at a time: FontBox reads a parsed font's tables lazily by seeking one shared
 * stream, and not all of those reads are under a lock ({@code TrueTypeFont.readTable}). So the faces sit in a small
 * pool, one per core at most: the first is parsed on the first PDF, a second only when two renders overlap (a
 * batch of certificates renders on every core), and each is kept for the life of the application (~17 MB each,
 * the collection's bytes it reads its glyphs from). Parsing a fresh copy per render would cost about 20 ms and
 * 34 MB of short-lived copies each time (measured); a single shared face made a 10,000-certificate batch queue
 * on one core. Each document embeds only the glyphs it draws.
 */
public final class CertificateFont {

    static final String FACE_NAME = "UKaiCN";
    private static final String RESOURCE = "fonts/ukai.ttc";
    private static final int MOST_FACES = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private static final BlockingQueue<TrueTypeFont> IDLE = new LinkedBlockingQueue<>();
    private static final AtomicInteger PARSED = new AtomicInteger();

    /** Draws with the face loaded into one document; whatever it does, saving the document included. */
    @FunctionalInterface
    public interface Work {
        void with(PDType0Font font) throws IOException;
    }

    private CertificateFont() {
    }

    /** How many renders can draw at once: a batch need not start more than this. */
    public static int mostAtOnce() {
        return MOST_FACES;
    }

    /**
     * Loads a face into {@code document}, to be embedded as a subset, and runs {@code work} while no other render
     * uses that face. The document must be saved inside {@code work}: the subset is cut from the face then.
     */
    public static void use(PDDocument document, Work work) throws IOException {
        TrueTypeFont face = take();
        try {
            work.with(PDType0Font.load(document, face, true));
        } finally {
            IDLE.add(face);
        }
    }

    private static TrueTypeFont take() throws IOException {
        TrueTypeFont face = IDLE.poll();
        if (face != null) {
            return face;
        }
        if (PARSED.getAndUpdate(n -> n < MOST_FACES ? n + 1 : n) < MOST_FACES) {
            try {
                return parse();
            } catch (IOException | RuntimeException e) {
                PARSED.decrementAndGet();
                throw e;
            }
        }
        try {
            return IDLE.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the certificate font");
        }
    }

    private static TrueTypeFont parse() throws IOException {
        try (InputStream in = CertificateFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the certificate font is missing from the class path: " + RESOURCE);
            }
            // Never closed: the face reads its glyphs from the collection's copy of the bytes for as long as
            // the application runs.
            TrueTypeFont face = new TrueTypeCollection(in).getFontByName(FACE_NAME);
            if (face == null) {
                throw new IllegalStateException(RESOURCE + " has no face " + FACE_NAME);
            }
            return face;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate font " + RESOURCE, e);
        }
    }
}
