package app.laurel.storage;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Blacks out words in the text of a .docx (body, headers, footers, notes, comments) for the judges' copy. Word
 * splits a paragraph's text into runs wherever formatting, spell-checking or editing history changes, so "王小明"
 * may be stored as "王" + "小明": the text of a whole paragraph is joined, blacked out by a function that keeps its
 * length, and given back to the runs character for character. Formatting and layout stay as they were.
 */
public final class DocxText {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String WORD_PARTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    private DocxText() {
    }

    /** Writes {@code target} (replacing it) as {@code source} with its text passed through {@code hide}; the source is not changed. */
    public static void hide(Path source, Path target, UnaryOperator<String> hide) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path work = Files.createTempFile(directory, ".hide-", ".docx");
        Path temp = Files.createTempFile(directory, ".hide-", ".tmp");
        try {
            Files.copy(source, work, StandardCopyOption.REPLACE_EXISTING);
            OPCPackage pkg = OPCPackage.open(work.toFile(), PackageAccess.READ_WRITE);
            try {
                for (PackagePart part : pkg.getParts()) {
                    if (!part.isRelationshipPart() && part.getContentType().startsWith(WORD_PARTS) && part.getContentType().endsWith("+xml")) {
                        hidePart(part, hide);
                    }
                }
                pkg.save(temp.toFile());
            } finally {
                pkg.revert();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | TransformerException | RuntimeException e) {
            throw new IOException("cannot black out the text of this .docx: " + e, e);
        } finally {
            Files.deleteIfExists(work);
            Files.deleteIfExists(temp);
        }
    }

    private static void hidePart(PackagePart part, UnaryOperator<String> hide)
            throws IOException, SAXException, ParserConfigurationException, TransformerException {
        Document xml;
        try (InputStream in = part.getInputStream()) {
            xml = parser().parse(in);
        }
        boolean changed = false;
        NodeList paragraphs = xml.getElementsByTagNameNS(W, "p");
        for (int i = 0; i < paragraphs.getLength(); i++) {
            changed |= hideParagraph((Element) paragraphs.item(i), hide);
        }
        if (changed) {
            try (OutputStream out = part.getOutputStream()) {
                TransformerFactory factory = TransformerFactory.newInstance();
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
                factory.newTransformer().transform(new DOMSource(xml), new StreamResult(out));
            }
        }
    }

    /** The paragraph's own text elements (not those of a text box nested in it, which is a paragraph of its own). */
    private static boolean hideParagraph(Element paragraph, UnaryOperator<String> hide) {
        List<Element> texts = new ArrayList<>();
        for (String name : new String[]{"t", "delText"}) {
            NodeList found = paragraph.getElementsByTagNameNS(W, name);
            for (int i = 0; i < found.getLength(); i++) {
                if (nearestParagraph(found.item(i)) == paragraph) {
                    texts.add((Element) found.item(i));
                }
            }
        }
        texts.sort((a, b) -> (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) != 0 ? -1 : 1);
        StringBuilder joined = new StringBuilder();
        texts.forEach(t -> joined.append(t.getTextContent()));
        String hidden = hide.apply(joined.toString());
        if (hidden.equals(joined.toString()) || hidden.length() != joined.length()) {
            return false;
        }
        int at = 0;
        for (Element t : texts) {
            int length = t.getTextContent().length();
            t.setTextContent(hidden.substring(at, at + length));
            at += length;
        }
        return true;
    }

    private static Node nearestParagraph(Node node) {
        Node up = node.getParentNode();
        while (up != null && !(W.equals(up.getNamespaceURI()) && "p".equals(up.getLocalName()))) {
            up = up.getParentNode();
        }
        return up;
    }

    /** No DTDs or external entities from an uploaded file. */
    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }
}
