package app.laurel.platform.pdf;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The calligraphic face (AR PL UKai CN, 楷体) certificates are set in. The project brings it, because a fresh server
 * has no CJK font at all; campaign summaries use it for the same reason, so it lives here for every feature that
 * prints a PDF.
 * <p>
 * The 17 MB collection is read and parsed once per JVM, on the first certificate, and the parsed face is shared by
 * every render after it; each document embeds only the glyphs it draws. The face is used by one render at a time:
 * FontBox reads a parsed font's tables lazily by seeking one shared stream, and not all of those reads are under a
 * lock ({@code TrueTypeFont.readTable}), so two threads must not use it at once. Parsing a fresh copy per render
 * would avoid the wait but costs about 20 ms and 34 MB of short-lived copies each time (measured), which a burst of
 * downloads on the day results are published would feel far more than a short queue behind a ~10 ms render.
 */
public final class CertificateFont {

    static final String FACE_NAME = "UKaiCN";
    private static final String RESOURCE = "fonts/ukai.ttc";
    private static final Object LOCK = new Object();

    /** Draws with the face loaded into one document; whatever it does, saving the document included. */
    @FunctionalInterface
    public interface Work {
        void with(PDType0Font font) throws IOException;
    }

    private CertificateFont() {
    }

    /**
     * Loads the face into {@code document}, to be embedded as a subset, and runs {@code work} while no other render
     * uses the face. The document must be saved inside {@code work}: the subset is cut from the face then.
     */
    public static void use(PDDocument document, Work work) throws IOException {
        TrueTypeFont face = Shared.FACE;
        synchronized (LOCK) {
            work.with(PDType0Font.load(document, face, true));
        }
    }

    /** Holds the parsed face: read on the first certificate rather than when the application starts. */
    private static final class Shared {
        static final TrueTypeFont FACE = parse();

        private static TrueTypeFont parse() {
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
}
