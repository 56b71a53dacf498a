package app.laurel.storage;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Refuses a .docx that is not a plain Word package: one without its body {@code word/document.xml}, one with parts
 * its content types do not declare (a zip of other things renamed .docx), one with macros (a VBA project, ActiveX
 * controls, a macro-enabled content type), and one that fetches content from elsewhere when opened (a remote
 * {@code attachedTemplate}, a linked frame, OLE object or picture: any external relationship but a hyperlink,
 * which only a click follows). Refused, not sanitised, like active PDFs ({@link PdfScan}).
 */
final class DocxScan {

    /** The package's XML parts read here are small; a larger one is no real document's. */
    private static final int MAX_PART_BYTES = 4 * 1024 * 1024;
    private static final String CONTENT_TYPES = "[Content_Types].xml";

    private DocxScan() {
    }

    static void check(Path file) throws IOException, FileRefusal {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("word/document.xml") == null || zip.getEntry(CONTENT_TYPES) == null) {
                throw new FileRefusal("upload.docxNotWord");
            }
            Document types = xml(zip, zip.getEntry(CONTENT_TYPES));
            Set<String> extensions = new HashSet<>();
            Set<String> overrides = new HashSet<>();
            for (Element type : elements(types, "Default")) {
                extensions.add(type.getAttribute("Extension").toLowerCase(Locale.ROOT));
                macro(type.getAttribute("ContentType"));
            }
            for (Element type : elements(types, "Override")) {
                overrides.add(type.getAttribute("PartName").replaceFirst("^/", "").toLowerCase(Locale.ROOT));
                macro(type.getAttribute("ContentType"));
            }
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || name.equals(CONTENT_TYPES.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (name.endsWith("vbaproject.bin") || name.endsWith("vbadata.xml") || name.contains("activex/")) {
                    throw new FileRefusal("upload.docxMacro");
                }
                String extension = name.substring(name.lastIndexOf('.') + 1);
                if (!overrides.contains(name) && (name.lastIndexOf('.') < 0 || !extensions.contains(extension))) {
                    throw new FileRefusal("upload.docxNotWord");
                }
                if (name.endsWith(".rels")) {
                    relationships(xml(zip, entry));
                }
            }
        }
    }

    private static void macro(String contentType) throws FileRefusal {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("macroenabled") || type.contains("vba") || type.contains("activex")) {
            throw new FileRefusal("upload.docxMacro");
        }
    }

    private static void relationships(Document rels) throws FileRefusal {
        for (Element relationship : elements(rels, "Relationship")) {
            String type = relationship.getAttribute("Type");
            if (type.endsWith("/vbaProject") || type.endsWith("/activeXControl")) {
                throw new FileRefusal("upload.docxMacro");
            }
            if ("External".equalsIgnoreCase(relationship.getAttribute("TargetMode")) && !type.endsWith("/hyperlink")) {
                throw new FileRefusal("upload.docxExternal");
            }
        }
    }

    private static Iterable<Element> elements(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        return () -> java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).iterator();
    }

    /** A part parsed without DTDs or external entities, and only if it is of a size a real document has. */
    private static Document xml(ZipFile zip, ZipEntry entry) throws IOException, FileRefusal {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(MAX_PART_BYTES + 1);
        }
        if (bytes.length > MAX_PART_BYTES) {
            throw new FileRefusal("upload.tooComplex");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable part " + entry.getName() + ": " + e, e);
        }
    }
}
