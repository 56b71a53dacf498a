package app.laurel.storage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationMarkup;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Judges score blind: the copies they read must keep the story and lose every trace of who wrote it. */
class MetadataStripperTest {

    private static final String AUTHOR = "张三";
    private static final String UNIT = "城关镇派出所";
    private static final String STORY = "这是一个禁毒故事";
    private static final String PDF_TEXT = "A story against drugs";

    @Test
    void aDocxKeepsItsStoryAndLosesItsAuthor(@TempDir Path dir) throws Exception {
        Path source = writeDocx(dir.resolve("entry.docx"));
        byte[] original = Files.readAllBytes(source);
        assertTrue(unzippedContains(source, AUTHOR), "the test document really names its author");
        Path copy = dir.resolve("copy.docx");

        MetadataStripper.strip(source, MetadataStripper.DOCX, copy);

        Parsed parsed = parse(copy);
        assertNoIdentity(parsed);
        assertTrue(parsed.text.contains(STORY), parsed.text);
        assertTrue(parsed.text.contains("由民警讲述"), "the tracked insertion is still there: " + parsed.text);
        assertFalse(unzippedContains(copy, AUTHOR), "no part of the package names the author");
        assertFalse(unzippedContains(copy, UNIT), "no part of the package names the unit");
        assertArrayEquals(original, Files.readAllBytes(source), "the stored original is untouched");
    }

    @Test
    void aPdfKeepsItsPageAndTextAndLosesItsAuthor(@TempDir Path dir) throws Exception {
        Path source = writePdf(dir.resolve("entry.pdf"));
        byte[] original = Files.readAllBytes(source);
        assertTrue(parse(source).metadataText().contains(AUTHOR), "the test document really names its author");
        Path copy = dir.resolve("copy.pdf");

        MetadataStripper.strip(source, MetadataStripper.PDF, copy);

        Parsed parsed = parse(copy);
        assertNoIdentity(parsed);
        assertTrue(parsed.text.contains(PDF_TEXT), parsed.text);
        try (PDDocument stripped = Loader.loadPDF(copy.toFile())) {
            assertEquals(1, stripped.getNumberOfPages());
            assertNull(stripped.getDocumentInformation().getAuthor());
            assertNull(stripped.getDocumentCatalog().getMetadata());
            PDAnnotationMarkup note = (PDAnnotationMarkup) stripped.getPage(0).getAnnotations().get(0);
            assertEquals(MetadataStripper.ANONYMOUS, note.getTitlePopup());
            assertEquals("写得好", note.getContents(), "the comment itself stays");
        }
        assertArrayEquals(original, Files.readAllBytes(source), "the stored original is untouched");
    }

    @Test
    void aPdfLockedByItsAuthorStaysLockedButLosesTheAuthor(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("locked.pdf");
        try (PDDocument document = Loader.loadPDF(writePdf(dir.resolve("entry.pdf")).toFile())) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            document.protect(new StandardProtectionPolicy("only-the-author-knows", "", permissions));
            document.save(source.toFile());
        }
        Path copy = dir.resolve("copy.pdf");

        MetadataStripper.strip(source, MetadataStripper.PDF, copy);

        try (PDDocument stripped = Loader.loadPDF(copy.toFile())) {
            assertTrue(stripped.isEncrypted());
            assertFalse(stripped.getCurrentAccessPermission().canExtractContent(), "the author's restriction stays");
            assertEquals(1, stripped.getNumberOfPages());
            assertNull(stripped.getDocumentInformation().getAuthor());
            assertNull(stripped.getDocumentCatalog().getMetadata());
        }
    }

    @Test
    void documentsJpegPngAndMp4AreStrippedGifWebpAndWebmAreNot(@TempDir Path dir) throws Exception {
        for (String type : new String[]{MetadataStripper.PDF, MetadataStripper.DOCX, "image/jpeg", "image/png", "video/mp4",
                "video/quicktime"}) {
            assertTrue(MetadataStripper.applies(type), type);
        }
        for (String type : new String[]{"image/gif", "image/webp", "video/webm"}) {
            assertFalse(MetadataStripper.applies(type), type);
        }
        Path image = Files.write(dir.resolve("a.gif"), new byte[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class,
                () -> MetadataStripper.strip(image, "image/gif", dir.resolve("copy.gif")));
    }

    @Test
    void aFileThatIsNotWhatItClaimsLeavesNoCopy(@TempDir Path dir) throws Exception {
        Path bogus = Files.writeString(dir.resolve("bogus"), "not a document");
        Path copy = dir.resolve("copy");

        assertThrows(IOException.class, () -> MetadataStripper.strip(bogus, MetadataStripper.PDF, copy));
        assertThrows(IOException.class, () -> MetadataStripper.strip(bogus, MetadataStripper.DOCX, copy));

        try (var files = Files.list(dir)) {
            assertEquals(List.of(bogus), files.toList(), "neither a copy nor a temporary file is left");
        }
    }

    @Test
    void judgesOpeningTheSameFileAtOnceGetOneWholeCopy(@TempDir Path dir) throws Exception {
        Path source = writeDocx(dir.resolve("entry.docx"));
        Path copies = Files.createDirectory(dir.resolve("judge-copies"));
        Path copy = copies.resolve("entry.docx");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() -> {
                    MetadataStripper.strip(source, MetadataStripper.DOCX, copy);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(requests)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        assertTrue(parse(copy).text.contains(STORY));
        try (var files = Files.list(copies)) {
            assertEquals(List.of(copy), files.toList(), "no temporary files are left beside the copy");
        }
    }

    /** A document as a police officer's Word would leave it: named author, unit, a comment and a tracked change. */
    private static Path writeDocx(Path file) throws Exception {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.createRun().setText(STORY);
            CTRunTrackChange insertion = paragraph.getCTP().addNewIns();
            insertion.setId(BigInteger.ONE);
            insertion.setAuthor(AUTHOR);
            insertion.setDate(Calendar.getInstance());
            insertion.addNewR().addNewT().setStringValue("，由民警讲述");

            XWPFComment comment = document.createComments().createComment(BigInteger.TWO);
            comment.setAuthor(AUTHOR);
            comment.setInitials("ZS");
            comment.createParagraph().createRun().setText("结尾再改一改");

            POIXMLProperties properties = document.getProperties();
            properties.getCoreProperties().setCreator(AUTHOR);
            properties.getCoreProperties().setLastModifiedByUser(AUTHOR);
            properties.getCoreProperties().setTitle(AUTHOR + "的故事");
            properties.getExtendedProperties().setCompany(UNIT);
            properties.getExtendedProperties().setManager(AUTHOR);
            properties.getCustomProperties().addProperty("报送单位", UNIT);
            try (OutputStream out = Files.newOutputStream(file)) {
                document.write(out);
            }
        }
        addPeoplePart(file);
        return file;
    }

    /** Word 2013 and later list every reviewer with their account in word/people.xml; POI cannot write it. */
    private static void addPeoplePart(Path file) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile())) {
            PackagePart document = pkg.getPartsByContentType(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml").get(0);
            PackagePart people = pkg.createPart(PackagingURIHelper.createPartName("/word/people.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml");
            try (OutputStream out = people.getOutputStream()) {
                out.write(("""
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">\
                        <w15:person w15:author="%s"><w15:presenceInfo w15:providerId="Windows Live" \
                        w15:userId="%s@example.cn"/></w15:person></w15:people>""".formatted(AUTHOR, AUTHOR))
                        .getBytes(StandardCharsets.UTF_8));
            }
            document.addRelationship(people.getPartName(), TargetMode.INTERNAL,
                    "http://schemas.microsoft.com/office/2011/relationships/people");
        }
    }

    private static Path writePdf(Path file) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(PDF_TEXT);
                content.endText();
            }
            PDAnnotationText note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(72, 600, 20, 20));
            note.setTitlePopup(AUTHOR);
            note.setContents("写得好");
            page.getAnnotations().add(note);

            PDDocumentInformation information = document.getDocumentInformation();
            information.setAuthor(AUTHOR);
            information.setCreator(UNIT + " " + AUTHOR);
            information.setTitle(AUTHOR + "的故事");
            String xmp = """
                    <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                    <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
                    <dc:publisher><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:publisher>
                    </rdf:Description></rdf:RDF></x:xmpmeta>
                    <?xpacket end="w"?>""".formatted(AUTHOR, UNIT);
            document.getDocumentCatalog().setMetadata(
                    new PDMetadata(document, new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8))));
            document.save(file.toFile());
        }
        return file;
    }

    private record Parsed(Metadata metadata, String text) {
        String metadataText() {
            StringBuilder all = new StringBuilder();
            for (String name : metadata.names()) {
                for (String value : metadata.getValues(name)) {
                    all.append(name).append('=').append(value).append('\n');
                }
            }
            return all.toString();
        }
    }

    private static Parsed parse(Path file) throws Exception {
        Metadata metadata = new Metadata();
        BodyContentHandler text = new BodyContentHandler(-1);
        try (TikaInputStream in = TikaInputStream.get(file)) {
            new AutoDetectParser().parse(in, text, metadata, new ParseContext());
        }
        return new Parsed(metadata, text.toString());
    }

    private static void assertNoIdentity(Parsed parsed) {
        String metadata = parsed.metadataText();
        assertFalse(metadata.contains(AUTHOR), metadata);
        assertFalse(metadata.contains(UNIT), metadata);
        assertFalse(parsed.text.contains(AUTHOR), "not even as a comment's author: " + parsed.text);
    }

    private static boolean unzippedContains(Path docx, String needle) throws IOException {
        byte[] wanted = needle.getBytes(StandardCharsets.UTF_8);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (indexOf(zip.readAllBytes(), wanted) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
