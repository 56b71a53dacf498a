package app.laurel.storage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole hostile corpus through the inspector directly (the same corpus goes through the running portal in
 * HostileUploadsIT): every file refused with a message the bundles have; the real files it is made from accepted.
 */
class HostileFilesTest {

    @TempDir
    static Path dir;

    private static HostileFiles corpus;
    private final FileInspector inspector = new FileInspector();

    @BeforeAll
    static void makeCorpus() throws Exception {
        corpus = new HostileFiles(dir);
    }

    @Test
    void everyHostileFileIsRefusedWithAMessageInBothLanguages() throws Exception {
        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        List<String> accepted = new ArrayList<>();
        Map<String, Integer> classes = new TreeMap<>();
        Map<String, Long> nanos = new TreeMap<>();
        for (HostileFiles.Sample sample : corpus.samples()) {
            classes.merge(sample.kind(), 1, Integer::sum);
            if (sample.bytes().length == 0) {
                continue; // refused when declared, before any byte is inspected (UploadService.begin)
            }
            long start = System.nanoTime();
            String key = refusal(sample.name(), sample.bytes());
            nanos.merge(sample.kind(), System.nanoTime() - start, Long::sum);
            if (key == null) {
                accepted.add(sample.toString());
            } else {
                if (sample.expectedKey() != null) {
                    assertEquals(sample.expectedKey(), key, sample.toString());
                }
                assertTrue(zh.getProperty(key, "").matches(".*\\p{IsHan}.*"), key + " has a Chinese message");
                assertTrue(en.containsKey(key), key + " has an English message");
            }
        }
        assertEquals(List.of(), accepted, "accepted hostile files");
        assertTrue(corpus.samples().size() >= 1000, "corpus size " + corpus.samples().size() + " " + classes);
        System.out.println("Hostile corpus: " + corpus.samples().size() + " files " + classes + " ms " + nanos.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue() / 1_000_000).toList());
    }

    @Test
    void theRealFilesTheCorpusIsMadeOfAreAccepted() throws Exception {
        for (String extension : HostileFiles.REAL) {
            assertEquals(null, refusal("real." + extension, corpus.real.get(extension)), extension);
        }
        assertEquals(null, refusal("REAL.JPEG", corpus.real.get("jpg")), "the extension's case and spelling do not matter");
        assertEquals(null, refusal("real.mov", corpus.real.get("mp4")), "MP4 and QuickTime are one family");
        assertEquals("upload.typeRefused", refusal("lesson.mp4", Files.readAllBytes(Path.of("/bin/ls"))),
                "a known type that is not allowed is named as such");
    }

    @Test
    void linksAndAnOpeningPageAreNoActiveContent() throws Exception {
        Map<String, byte[]> parts = HostileDocuments.parts(corpus.real.get("docx"));
        String rels = new String(parts.get("word/_rels/document.xml.rels"), StandardCharsets.UTF_8);
        parts.put("word/_rels/document.xml.rels", rels.replace("</Relationships>", "<Relationship Id=\"rIdLink\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
                + "Target=\"https://www.example.cn/\" TargetMode=\"External\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
        assertEquals(null, refusal("链接.docx", HostileFiles.zip(parts)), "a hyperlink is followed only by a click");

        try (PDDocument pdf = Loader.loadPDF(corpus.real.get("pdf")); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPageFitDestination first = new PDPageFitDestination();
            first.setPage(pdf.getPage(0));
            pdf.getDocumentCatalog().setOpenAction(first);
            pdf.save(out);
            assertEquals(null, refusal("opens-at-page-1.pdf", out.toByteArray()), "Acrobat writes where to open");
        }
    }

    /** The refusal's message key, or null when the file is accepted. */
    private String refusal(String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("upload.part"), bytes);
        try {
            String type = inspector.identify(file, name);
            inspector.inspect(file, type, bytes.length, "0");
            return null;
        } catch (FileRefusal e) {
            return e.messageKey();
        } finally {
            try (var left = Files.list(dir)) {
                left.filter(p -> p.getFileName().toString().startsWith(".")).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = HostileFilesTest.class.getResourceAsStream("/app/laurel/i18n/" + name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
