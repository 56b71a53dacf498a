package app.laurel.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TIFF;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything Laurel knows about an uploaded file comes from Apache Tika reading its bytes: the media type
 * (the name the uploader gave is passed only as a hint, which Tika uses to refine a type the bytes already
 * show, never to override them), a video's duration, an image's size, a document's text.
 */
@ApplicationScoped
public class FileInspector {

    /** Text kept per document: enough for search and duplicate detection, bounded for memory. */
    static final int MAX_TEXT_CHARS = 1_000_000;

    private static final Logger LOG = Logger.getLogger(FileInspector.class.getName());

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
    private final AutoDetectParser parser = new AutoDetectParser();

    public String detect(Path file, String nameHint) throws IOException {
        Metadata metadata = new Metadata();
        if (nameHint != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, nameHint);
        }
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return detector.detect(in, metadata).getBaseType().toString();
        }
    }

    /**
     * Reads what the content says. A document or video whose content Tika cannot parse is damaged (a .docx with
     * broken XML, a video cut short): an IOException, so that the upload is refused. A photo only needs a
     * readable header: phones often write malformed EXIF, which judges never see anyway.
     */
    public Inspection inspect(Path file, String mediaType, long size, String sha256) throws IOException {
        FileKind kind = FileKind.of(mediaType);
        if (kind == FileKind.OTHER) {
            return new Inspection(mediaType, size, sha256, null, null, null, null);
        }
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        BodyContentHandler text = new BodyContentHandler(MAX_TEXT_CHARS);
        try (TikaInputStream in = TikaInputStream.get(file)) {
            parser.parse(in, kind == FileKind.DOCUMENT ? text : new DefaultHandler(), metadata, new ParseContext());
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                unreadable(kind, mediaType, e);
            }
        } catch (TikaException | RuntimeException e) {
            unreadable(kind, mediaType, e);
        }
        Integer width = integer(metadata.get(TIFF.IMAGE_WIDTH));
        Integer height = integer(metadata.get(TIFF.IMAGE_LENGTH));
        if (kind == FileKind.IMAGE && (width == null || height == null)) {
            Dimension header = imageHeader(file);
            width = header.width;
            height = header.height;
        }
        return new Inspection(mediaType, size, sha256, durationMillis(metadata), width, height,
                kind == FileKind.DOCUMENT ? text.toString().strip() : null);
    }

    private static void unreadable(FileKind kind, String mediaType, Exception e) throws IOException {
        if (kind != FileKind.IMAGE) {
            throw new IOException("cannot read the content of a " + mediaType + ": " + e, e);
        }
        LOG.log(Level.INFO, "Could not read the metadata of a " + mediaType + "; its header decides", e);
    }

    /** A photo's size from its header, by ImageIO; an IOException when no reader can make sense of it. */
    private static Dimension imageHeader(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return new Dimension(reader.getWidth(0), reader.getHeight(0));
                } finally {
                    reader.dispose();
                }
            }
        }
        throw new IOException("no image header could be read");
    }

    private static Long durationMillis(Metadata metadata) {
        String seconds = metadata.get(XMPDM.DURATION);
        if (seconds == null) {
            return null;
        }
        try {
            return Math.round(Double.parseDouble(seconds) * 1000);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.replaceAll("[^0-9].*$", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
