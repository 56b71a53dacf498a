package app.laurel.storage;

import app.laurel.platform.config.LaurelConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything Laurel knows about an uploaded file comes from its bytes: Apache Tika names the media type from the
 * content alone (never from the name), and the name's extension must agree with it; then the content is read (a
 * video's duration, an image's size from its header, a document's text) and checked for active content
 * ({@link PdfScan}, {@link DocxScan}, {@link ImageSize}). All of it runs bounded in time and stack
 * ({@link BoundedCheck}): whatever hostile content does to a parser ends as a {@link FileRefusal}.
 */
@ApplicationScoped
public class FileInspector {

    /** Text kept per document: enough for search and duplicate detection, bounded for memory. */
    static final int MAX_TEXT_CHARS = 1_000_000;

    private static final Logger LOG = Logger.getLogger(FileInspector.class.getName());
    private static final String DOCX = MetadataStripper.DOCX;
    /** The type each extension declares; a file's bytes must show that type. */
    private static final Map<String, String> DECLARED = Map.ofEntries(Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("jpe", "image/jpeg"), Map.entry("jfif", "image/jpeg"),
            Map.entry("png", "image/png"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("pdf", MetadataStripper.PDF), Map.entry("docx", DOCX), Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/x-m4v"), Map.entry("mov", "video/quicktime"), Map.entry("qt", "video/quicktime"),
            Map.entry("webm", "video/webm"));
    /**
     * From bytes alone Tika cannot tell these apart (an MP4 is {@code video/quicktime}, a WebM is Matroska): the
     * bytes show the family, the extension picks the member.
     */
    private static final Set<String> QUICKTIME = Set.of("video/quicktime", "video/mp4", "video/x-m4v");
    private static final Set<String> MATROSKA = Set.of("application/x-matroska", "video/x-matroska", "video/webm");

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
    private final AutoDetectParser parser = new AutoDetectParser();
    private long maxImagePixels = Long.parseLong(LaurelConfig.Key.MAX_IMAGE_PIXELS.defaultValue);
    private Duration checkTime = Duration.parse(LaurelConfig.Key.UPLOAD_CHECK_TIME.defaultValue);

    @Inject
    void configure(LaurelConfig config) {
        maxImagePixels = config.maxImagePixels();
        checkTime = config.uploadCheckTime();
    }

    /**
     * The media type of an allowed kind that the bytes show and the name's extension (if any) agrees with; a
     * refusal when the content is no allowed type or contradicts the name.
     */
    public String identify(Path file, String fileName) throws FileRefusal {
        return BoundedCheck.run("the type of an upload", checkTime, () -> identified(file, fileName));
    }

    String identified(Path file, String fileName) throws IOException, FileRefusal {
        String content;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            content = detector.detect(in, new Metadata()).getBaseType().toString();
        }
        String name = fileName == null ? "" : fileName.strip();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        boolean allowed = FileKind.of(content) != FileKind.OTHER || MATROSKA.contains(content);
        if (!allowed) {
            throw "application/octet-stream".equals(content) || content.startsWith("text/")
                    ? new FileRefusal("upload.unidentified") : new FileRefusal("upload.typeRefused", content);
        }
        if (!startsAsItShould(file, content)) {
            throw new FileRefusal("upload.unidentified");
        }
        if (extension.isEmpty()) {
            if (FileKind.of(content) == FileKind.OTHER) {
                throw new FileRefusal("upload.typeRefused", content);
            }
            return content;
        }
        String declared = DECLARED.get(extension);
        if (declared != null && (declared.equals(content) || QUICKTIME.contains(declared) && QUICKTIME.contains(content)
                || MATROSKA.contains(declared) && MATROSKA.contains(content))) {
            return declared;
        }
        throw new FileRefusal("upload.extensionMismatch", content, extension);
    }

    /**
     * Tika finds some signatures anywhere in the first kilobyte (a PDF's {@code %PDF-}), and readers are as lenient:
     * a file starting with {@code <svg onload=…>} or {@code <script>} in front of a real PDF would pass as one, and
     * a browser sniffing its start could run it. Honest files start with their signature.
     */
    private static boolean startsAsItShould(Path file, String mediaType) throws IOException {
        byte[] head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(12);
        }
        String ascii = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (mediaType) {
            case "image/jpeg" -> ascii.startsWith("\u00ff\u00d8\u00ff");
            case "image/png" -> ascii.startsWith("\u0089PNG\r\n\u001a\n");
            case "image/gif" -> ascii.startsWith("GIF87a") || ascii.startsWith("GIF89a");
            case "image/webp" -> ascii.startsWith("RIFF") && ascii.startsWith("WEBP", 8);
            case MetadataStripper.PDF -> ascii.startsWith("%PDF-");
            case DOCX -> ascii.startsWith("PK\u0003\u0004");
            case "application/x-matroska", "video/x-matroska", "video/webm" -> ascii.startsWith("\u001a\u0045\u00df\u00a3");
            // MP4 and QuickTime: a box size, then a box type
            default -> head.length == 12 && ascii.substring(4, 8).matches("ftyp|moov|mdat|wide|free|skip|pnot");
        };
    }

    /**
     * Reads and checks what the content says. A document or video whose content Tika cannot parse is damaged (a
     * .docx with broken XML, a video cut short); so is one of which no judges' copy without metadata could be
     * made ({@link MetadataStripper#check}). A photo only needs a readable header of a sane size: phones often
     * write malformed EXIF, which judges never see anyway.
     */
    public Inspection inspect(Path file, String mediaType, long size, String sha256) throws FileRefusal {
        return BoundedCheck.run("a " + mediaType + " upload", checkTime, () -> inspected(file, mediaType, size, sha256));
    }

    private Inspection inspected(Path file, String mediaType, long size, String sha256) throws IOException, FileRefusal {
        FileKind kind = FileKind.of(mediaType);
        if (kind == FileKind.OTHER) {
            return new Inspection(mediaType, size, sha256, null, null, null, null);
        }
        Dimension image = kind == FileKind.IMAGE ? ImageSize.check(file, mediaType, maxImagePixels) : null;
        if (MetadataStripper.PDF.equals(mediaType)) {
            PdfScan.check(file);
        } else if (DOCX.equals(mediaType)) {
            DocxScan.check(file);
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
        MetadataStripper.check(file, mediaType);
        return new Inspection(mediaType, size, sha256, durationMillis(metadata), image == null ? null : image.width,
                image == null ? null : image.height, kind == FileKind.DOCUMENT ? text.toString().strip() : null);
    }

    private static void unreadable(FileKind kind, String mediaType, Exception e) throws IOException {
        if (kind != FileKind.IMAGE) {
            throw new IOException("cannot read the content of a " + mediaType + ": " + e, e);
        }
        LOG.log(Level.INFO, "Could not read the metadata of a " + mediaType + "; its header decides", e);
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
}
