package app.laurel.storage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationMarkup;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.officeDocument.x2006.extendedProperties.CTProperties;

import javax.xml.namespace.QName;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Makes the copy of an entry's document that a judge reads: same pages and text, but no author, company or
 * reviewer names in the document's own metadata, because judges score blind and Word or a PDF reader shows
 * these to anyone who opens the file's properties or comments.
 * <p>
 * The source is never changed, and the target appears only complete (written beside it, then renamed), so a
 * reader never gets half a copy and two requests making the same copy at once do not spoil it.
 * <p>
 * Photos and videos lose their EXIF/XMP/IPTC and container tags the same way ({@link ImageStripper},
 * {@link VideoStripper}).
 * <p>
 * Not covered: names inside the text itself, in embedded objects or pictures, in a PDF's attached files, or in
 * a .docx's custom XML data parts; these are the author's content rather than the document's metadata.
 */
public final class MetadataStripper {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /**
     * What reviewers' names become: Word requires a name on every comment and tracked change. Chinese, as the
     * portal's first language, because one copy serves every judge whatever language their pages are in.
     */
    static final String ANONYMOUS = "匿名";

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String W15 = "http://schemas.microsoft.com/office/word/2012/wordml";
    /** Name-bearing attributes of comments, tracked changes and the reviewer list (people.xml), and their new value. */
    private static final Map<QName, String> REWRITTEN = Map.of(
            new QName(W, "author"), ANONYMOUS,
            new QName(W15, "author"), ANONYMOUS,
            new QName(W15, "userId"), ANONYMOUS,
            new QName(W15, "providerId"), "None");
    /** Optional attributes that would still give the reviewer away; removed rather than given a fake value. */
    private static final Set<QName> REMOVED = Set.of(new QName(W, "initials"));
    /** Every Word part (body, comments, notes, headers, reviewer list) has a content type under this prefix. */
    private static final String WORD_PARTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    private MetadataStripper() {
    }

    /** Documents, photos (JPEG, PNG: {@link ImageStripper}) and MP4/QuickTime videos ({@link VideoStripper}). */
    public static boolean applies(String mediaType) {
        return PDF.equals(mediaType) || DOCX.equals(mediaType) || ImageStripper.applies(mediaType)
                || VideoStripper.applies(mediaType);
    }

    /**
     * Fails with an IOException when no judges' copy could be made of {@code source}: checked at upload, so that a
     * file judges could never read is refused while its sender can still send another. A video's boxes are only
     * walked (a copy of 2 GB would be made for nothing); anything else is copied beside it and the copy deleted.
     */
    public static void check(Path source, String mediaType) throws IOException {
        if (VideoStripper.applies(mediaType)) {
            VideoStripper.tagBoxes(source);
        } else if (applies(mediaType)) {
            Path trial = Files.createTempFile(source.toAbsolutePath().getParent(), ".check-", ".tmp");
            try {
                strip(source, mediaType, trial);
            } finally {
                Files.deleteIfExists(trial);
            }
        }
    }

    /**
     * Writes {@code target}, replacing it if present, as a copy of {@code source} without document metadata.
     * Fails with an IOException when the file cannot be read as that type; the target is then untouched.
     */
    public static void strip(Path source, String mediaType, Path target) throws IOException {
        if (!applies(mediaType)) {
            throw new IllegalArgumentException("no metadata stripping for " + mediaType);
        }
        Path directory = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(directory, ".strip-", ".tmp");
        try {
            try {
                if (PDF.equals(mediaType)) {
                    stripPdf(source, temp);
                } else if (DOCX.equals(mediaType)) {
                    stripDocx(source, temp, directory);
                } else if (ImageStripper.applies(mediaType)) {
                    ImageStripper.strip(source, mediaType, temp);
                } else {
                    VideoStripper.strip(source, temp);
                }
            } catch (RuntimeException e) {
                // PDFBox and POI report some malformed files with unchecked exceptions; to the caller it is all
                // the same: this upload cannot be read as what it claims to be.
                throw new IOException("cannot read as " + mediaType + ": " + e, e);
            }
            // On disk before the rename, so that after a crash the name never points at an empty file.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void stripPdf(Path source, Path target) throws IOException {
        requireEndOfFile(source);
        try (PDDocument document = Loader.loadPDF(source.toFile())) {
            if (document.isEncrypted()) {
                keepRestrictions(document);
            }
            document.setDocumentInformation(new PDDocumentInformation());
            document.getDocumentCatalog().setMetadata(null);
            for (PDPage page : document.getPages()) {
                page.setMetadata(null);
                for (PDAnnotation annotation : page.getAnnotations()) {
                    // A markup annotation's title is its author's name, shown beside every comment.
                    if (annotation instanceof PDAnnotationMarkup markup && markup.getTitlePopup() != null) {
                        markup.setTitlePopup(ANONYMOUS);
                    }
                }
            }
            // A full save writes only what the document still refers to, so the old dictionaries are gone.
            document.save(target.toFile());
        }
    }

    /**
     * PDFBox rebuilds a PDF cut short from whatever objects it finds, so a truncated upload would "load" with pages
     * missing or blank; readers (Acrobat among them) require the end marker within the last 1024 bytes.
     */
    private static void requireEndOfFile(Path source) throws IOException {
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(1024, size);
            ByteBuffer buffer = ByteBuffer.allocate(tail);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, size - tail + buffer.position()) < 0) {
                    break;
                }
            }
            if (!new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1).contains("%%EOF")) {
                throw new IOException("truncated PDF: no %%EOF at the end");
            }
        }
    }

    /**
     * It opened without a password, so only an owner password guards it: what it forbids (copying, printing...)
     * is the author's choice and stays, under a new owner password nobody knows, since PDFBox cannot save with
     * the old one it was never told.
     */
    private static void keepRestrictions(PDDocument document) throws IOException {
        AccessPermission permissions = new AccessPermission(document.getCurrentAccessPermission().getPermissionBytes());
        StandardProtectionPolicy policy = new StandardProtectionPolicy(UUID.randomUUID().toString(), "", permissions);
        policy.setEncryptionKeyLength(256);
        document.protect(policy);
    }

    /**
     * POI writes a package back to the file it was opened from, so it works on a private copy of the source and
     * saves to the target; the copy sits in the target's directory so the storage volume's space is used, not
     * the (often small) system temp directory.
     */
    private static void stripDocx(Path source, Path target, Path directory) throws IOException {
        Path work = Files.createTempFile(directory, ".strip-", ".docx");
        try {
            Files.copy(source, work, StandardCopyOption.REPLACE_EXISTING);
            OPCPackage pkg = OPCPackage.open(work.toFile(), PackageAccess.READ_WRITE);
            try {
                removeCustomProperties(pkg);
                clearProperties(pkg);
                anonymiseReviewers(pkg);
                pkg.save(target.toFile());
            } finally {
                pkg.revert();
            }
        } catch (OpenXML4JException | XmlException e) {
            throw new IOException("not a readable .docx: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(work);
        }
    }

    /** Custom properties are free-form name/value pairs (often a template's "author" or "department" fields). */
    private static void removeCustomProperties(OPCPackage pkg) throws OpenXML4JException {
        for (PackageRelationship relationship : pkg.getRelationshipsByType(PackageRelationshipTypes.CUSTOM_PROPERTIES)) {
            pkg.removePart(PackagingURIHelper.createPartName(relationship.getTargetURI()));
            pkg.removeRelationship(relationship.getId());
        }
    }

    private static void clearProperties(OPCPackage pkg) throws IOException, OpenXML4JException, XmlException {
        POIXMLProperties properties = new POIXMLProperties(pkg);
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setCreator(null);
        core.setLastModifiedByUser(null);
        core.setTitle(null);
        core.setSubjectProperty(null);
        core.setKeywords(null);
        core.setDescription(null);
        core.setCategory(null);
        // Removed, not set to null: POI would write xsi:nil, which the schema does not allow there.
        CTProperties extended = properties.getExtendedProperties().getUnderlyingProperties();
        if (extended.isSetCompany()) {
            extended.unsetCompany();
        }
        if (extended.isSetManager()) {
            extended.unsetManager();
        }
        properties.commit();
    }

    /** Comment and tracked-change authors are names Word shows in the margin; they become {@link #ANONYMOUS}. */
    private static void anonymiseReviewers(OPCPackage pkg) throws IOException, OpenXML4JException, XmlException {
        for (PackagePart part : pkg.getParts()) {
            if (part.isRelationshipPart() || !part.getContentType().startsWith(WORD_PARTS)) {
                continue;
            }
            XmlObject xml;
            try (InputStream in = part.getInputStream()) {
                // POI's own options: no DTDs or entity expansion from an uploaded file.
                xml = XmlObject.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
            }
            if (anonymise(xml)) {
                try (OutputStream out = part.getOutputStream()) {
                    xml.save(out, POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
                }
            }
        }
    }

    private static boolean anonymise(XmlObject xml) {
        boolean changed = false;
        try (XmlCursor cursor = xml.newCursor()) {
            XmlCursor.TokenType token = cursor.toNextToken();
            while (!token.isNone()) {
                if (token.isAttr()) {
                    QName name = cursor.getName();
                    if (REMOVED.contains(name)) {
                        // Removing moves the cursor onto the next token, which must not be skipped.
                        cursor.removeXml();
                        changed = true;
                        token = cursor.currentTokenType();
                        continue;
                    }
                    String value = REWRITTEN.get(name);
                    if (value != null && !value.equals(cursor.getTextValue())) {
                        cursor.setTextValue(value);
                        changed = true;
                    }
                }
                token = cursor.toNextToken();
            }
        }
        return changed;
    }
}
