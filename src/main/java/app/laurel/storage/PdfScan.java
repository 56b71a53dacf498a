package app.laurel.storage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a PDF that can act on its own when opened by an organiser or a judge: JavaScript, actions that launch
 * programs or open other files, form submission to elsewhere, embedded files, XFA forms, and automatic actions
 * (an open action or additional action other than going to a page of the document itself). Refused, not
 * sanitised: a copy with parts cut out could read differently from what its author sent, and honest entries
 * (a story saved or printed as PDF) carry none of these.
 * <p>
 * Every object of the file is visited, not only those reachable from the catalogue: a script waiting in an
 * unreferenced object is still refused. PDFBox decodes names, so {@code /J#61vaScript} is seen as JavaScript.
 */
final class PdfScan {

    /** Direct objects nested deeper than this are no real document's; refused rather than followed. */
    private static final int MAX_DEPTH = 64;
    private static final Map<String, String> ACTIONS = Map.of(
            "JavaScript", "upload.pdfJavaScript", "Rendition", "upload.pdfJavaScript",
            "Launch", "upload.pdfLaunch", "GoToR", "upload.pdfLaunch", "GoToE", "upload.pdfLaunch",
            "SubmitForm", "upload.pdfSubmitForm", "ImportData", "upload.pdfSubmitForm");
    /** Actions harmless when they run without a click: moving within the document. */
    private static final Set<String> QUIET_ACTIONS = Set.of("GoTo");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName ACTION = COSName.getPDFName("Action");

    private PdfScan() {
    }

    static void check(Path file) throws IOException, FileRefusal {
        checkNesting(file);
        // The stream cache goes to a temporary file, so that a huge stream does not fill the heap.
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            COSDocument cos = document.getDocument();
            visit(cos.getTrailer(), 0);
            for (COSObjectKey key : new ArrayList<>(cos.getXrefTable().keySet())) {
                COSObject object = cos.getObjectFromPool(key);
                visit(object.getObject(), 0);
            }
        }
    }

    /**
     * Refuses arrays and dictionaries nested deeper than {@value #MAX_DEPTH} in the file's text, before PDFBox
     * parses it: PDFBox quietly drops what it cannot parse (a trailer or object nested thousands deep), so the
     * parsed document alone would not show it. Strings, comments and stream data are skipped.
     */
    static void checkNesting(Path file) throws IOException, FileRefusal {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            int depth = 0;
            int c = in.read();
            StringBuilder word = new StringBuilder();
            while (c != -1) {
                int next = in.read();
                if (c == '%') {
                    while (next != -1 && next != '\n' && next != '\r') {
                        next = in.read();
                    }
                } else if (c == '(') {
                    next = skipString(in, next);
                } else if (c == '[' || c == '<' && next == '<') {
                    if (++depth > MAX_DEPTH) {
                        throw new FileRefusal("upload.tooComplex");
                    }
                    next = c == '<' ? in.read() : next;
                } else if (c == ']' || c == '>' && next == '>') {
                    depth = Math.max(0, depth - 1);
                    next = c == '>' ? in.read() : next;
                } else if (c == '<') {
                    while (next != -1 && next != '>') {
                        next = in.read();
                    }
                    next = next == -1 ? -1 : in.read();
                } else if (Character.isLetter(c)) {
                    word.append((char) c);
                    if (!Character.isLetter(next) && "stream".contentEquals(word)) {
                        next = skipStream(in);
                    }
                }
                if (!Character.isLetter(c)) {
                    word.setLength(0);
                }
                c = next;
            }
        }
    }

    /** Skips a literal string's content (balanced parentheses, backslash escapes); returns the byte after it. */
    private static int skipString(InputStream in, int c) throws IOException {
        int open = 1;
        while (c != -1 && open > 0) {
            if (c == '\\') {
                in.read();
            } else if (c == '(') {
                open++;
            } else if (c == ')') {
                open--;
            }
            c = in.read();
        }
        return c;
    }

    /** Skips stream data up to and including the keyword {@code endstream}; returns the byte after it. */
    private static int skipStream(InputStream in) throws IOException {
        byte[] end = "endstream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int matched = 0;
        int c;
        while ((c = in.read()) != -1) {
            matched = c == end[matched] ? matched + 1 : c == end[0] ? 1 : 0;
            if (matched == end.length) {
                return in.read();
            }
        }
        return -1;
    }

    private static void visit(COSBase base, int depth) throws FileRefusal {
        if (depth > MAX_DEPTH) {
            throw new FileRefusal("upload.tooComplex");
        }
        if (base instanceof COSDictionary dictionary) {
            inspect(dictionary);
            for (COSBase value : dictionary.getValues()) {
                if (!(value instanceof COSObject)) {
                    visit(value, depth + 1);
                }
            }
        } else if (base instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                COSBase value = array.get(i);
                if (!(value instanceof COSObject)) {
                    visit(value, depth + 1);
                }
            }
        }
    }

    private static void inspect(COSDictionary dictionary) throws FileRefusal {
        if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
            throw new FileRefusal("upload.pdfJavaScript");
        }
        String action = dictionary.getNameAsString(COSName.S);
        if (action != null && ACTIONS.containsKey(action) && isAction(dictionary)) {
            throw new FileRefusal(ACTIONS.get(action));
        }
        if (dictionary.containsKey(EMBEDDED_FILES) || dictionary.containsKey(COSName.EF)
                || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))) {
            throw new FileRefusal("upload.pdfEmbeddedFile");
        }
        if (dictionary.containsKey(COSName.XFA)) {
            throw new FileRefusal("upload.pdfXfa");
        }
        automatic(dictionary.getDictionaryObject(COSName.OPEN_ACTION));
        if (dictionary.getDictionaryObject(COSName.AA) instanceof COSDictionary additional) {
            for (COSBase value : additional.getValues()) {
                automatic(value instanceof COSObject indirect ? indirect.getObject() : value);
            }
        }
    }

    /** Only an action dictionary has these names under /S; a soft mask or a page label also has an /S. */
    private static boolean isAction(COSDictionary dictionary) {
        return !dictionary.containsKey(COSName.TYPE) || ACTION.equals(dictionary.getCOSName(COSName.TYPE));
    }

    /** An open action may be a destination (an array: where to open) or a quiet action; anything else is refused. */
    private static void automatic(COSBase action) throws FileRefusal {
        if (action instanceof COSDictionary dictionary) {
            inspect(dictionary); // a script or a launch is named as such, not only as automatic
            if (!QUIET_ACTIONS.contains(dictionary.getNameAsString(COSName.S))) {
                throw new FileRefusal("upload.pdfAutoAction");
            }
        }
    }
}
