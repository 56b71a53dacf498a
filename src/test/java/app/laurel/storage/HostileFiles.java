package app.laurel.storage;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * A corpus of hostile uploads, made in memory from a fixed seed, in the classes an outside probe of the portal used
 * (issue 11): random bytes under every allowed extension, markup and script polyglots in front of real headers,
 * archives with a JSP named .docx, PDFs and .docx files with active content ({@link HostileDocuments}), image
 * decompression bombs by header, deeply nested PDFs, truncated and empty files, real files under a wrong name.
 * Every one must be refused. {@link #REAL} holds the honest files they are made from, which must be accepted.
 */
public final class HostileFiles {

    /** One file of the corpus: its class, the name it is uploaded under, its bytes, and the refusal expected if known. */
    public record Sample(String kind, String name, byte[] bytes, String expectedKey) {
        @Override
        public String toString() {
            return kind + " " + name + " (" + bytes.length + " B)";
        }
    }

    public static final String[] EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "pdf", "docx", "mp4", "mov", "m4v", "webm"};
    private static final String[] PREFIXES = {"<svg onload=alert(1)>", "<script>alert(document.domain)</script>",
            "<iframe src=\"javascript:alert(1)\"></iframe>", "<html><body onload=alert(1)>",
            "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            "<img src=x onerror=alert(1)>"};
    private static final String[] WRONG_NAMES = {"jpg", "png", "gif", "webp", "pdf", "docx", "mp4", "webm", "html", "svg",
            "jsp", "exe", "txt", "php", "js"};

    /** The honest files the hostile ones are made from, by extension; each is accepted under its own name. */
    public final Map<String, byte[]> real = new LinkedHashMap<>();
    public static final List<String> REAL = List.of("jpg", "png", "gif", "pdf", "docx", "mp4", "webm");

    private final List<Sample> samples = new ArrayList<>();
    private final Random random = new Random(20261201);

    public HostileFiles(Path scratch) throws IOException, InterruptedException {
        real.put("jpg", image("jpeg"));
        real.put("png", image("png"));
        real.put("gif", image("gif"));
        real.put("pdf", pdf("一个真实的故事。A true story."));
        real.put("docx", docx("一个真实的故事。"));
        real.put("mp4", ffmpeg(scratch, "mp4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
        real.put("webm", ffmpeg(scratch, "webm", "-c:v", "libvpx", "-deadline", "realtime"));
        randomBytes();
        polyglots();
        archives();
        HostileDocuments.activePdfs(this);
        HostileDocuments.activeDocx(this, real.get("docx"));
        bombs();
        HostileDocuments.nestedPdfs(this);
        truncated();
        empty();
        wrongNames();
    }

    public List<Sample> samples() {
        return samples;
    }

    void add(String kind, String name, byte[] bytes, String expectedKey) {
        samples.add(new Sample(kind, name, bytes, expectedKey));
    }

    private void randomBytes() {
        for (String extension : EXTENSIONS) {
            for (int i = 0; i < 56; i++) {
                byte[] bytes = new byte[1 + random.nextInt(i % 8 == 0 ? 65536 : 4096)];
                random.nextBytes(bytes);
                add("random", "file" + i + "." + extension, bytes, null);
            }
        }
    }

    /** Markup first, a real file behind it: a browser sniffing the start would run the script. */
    private void polyglots() {
        String[] leads = {"", "\uFEFF", " \r\n"};
        for (String prefix : PREFIXES) {
            for (String extension : REAL) {
                for (String lead : leads) {
                    add("polyglot", "photo." + extension, concat((lead + prefix).getBytes(StandardCharsets.UTF_8),
                            real.get(extension)), null);
                }
            }
        }
        for (String extension : new String[]{"svg", "html", "jpg", "png", "gif", "pdf"}) {
            add("polyglot", "gifar." + extension, "GIF89a=/*<svg onload=alert(1)>*/=1;alert(1)//".getBytes(StandardCharsets.US_ASCII), null);
        }
    }

    /** A ZIP holding a JSP (or a web application) under the name of a Word document or of other allowed files. */
    private void archives() throws IOException {
        byte[] jsp = "<%@ page import=\"java.io.*\" %><% Runtime.getRuntime().exec(request.getParameter(\"c\")); %>"
                .getBytes(StandardCharsets.UTF_8);
        List<byte[]> zips = List.of(
                zip(Map.of("evil.jsp", jsp)),
                zip(Map.of("WEB-INF/web.xml", "<web-app/>".getBytes(StandardCharsets.UTF_8), "evil.jsp", jsp)),
                zip(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8), "evil.jsp", jsp)),
                zip(Map.of("[Content_Types].xml", HostileDocuments.CONTENT_TYPES.getBytes(StandardCharsets.UTF_8), "evil.jsp", jsp)),
                HostileDocuments.withParts(real.get("docx"), Map.of("evil.jsp", jsp)),
                HostileDocuments.withParts(real.get("docx"), Map.of("word/evil.jsp", jsp)));
        for (byte[] zip : zips) {
            for (String name : new String[]{"evil.docx", "故事.docx", "evil.pdf", "evil.jpg", "evil.mp4"}) {
                add("zip-jsp", name, zip, null);
            }
        }
    }

    /** Images whose header declares far more pixels than the limit, in a few hundred bytes. */
    private void bombs() throws IOException {
        int[][] sizes = {{100000, 100000}, {65535, 65535}, {20000, 20000}, {10001, 10000}, {50000, 2001}};
        for (int[] size : sizes) {
            add("bomb", "bomb.png", png(size[0], size[1]), "upload.imageTooLarge");
            add("bomb", "bomb.jpg", jpeg(Math.min(size[0], 65500), Math.min(size[1], 65500)), "upload.imageTooLarge");
            add("bomb", "bomb.gif", gif(Math.min(size[0], 65535), Math.min(size[1], 65535)), "upload.imageTooLarge");
        }
        for (int[] size : new int[][]{{16384, 16384}, {16384, 6200}, {10001, 10000}, {12000, 9000}, {16000, 16000}}) {
            add("bomb", "bomb.webp", webp(size[0], size[1]), "upload.imageTooLarge");
        }
    }

    /** Documents and videos cut short, as a dropped connection leaves them; photos cut inside their header. */
    private void truncated() {
        for (String extension : new String[]{"pdf", "docx", "mp4", "png"}) {
            byte[] whole = real.get(extension);
            for (int tenth = 1; tenth <= 9; tenth++) {
                add("truncated", "cut-" + tenth + "." + extension, Arrays.copyOf(whole, whole.length * tenth / 10), null);
            }
        }
        for (String extension : new String[]{"jpg", "gif"}) {
            for (int length : new int[]{3, 8, 12}) {
                add("truncated", "cut-" + length + "." + extension, Arrays.copyOf(real.get(extension), length), null);
            }
        }
    }

    private void empty() {
        for (String extension : EXTENSIONS) {
            add("empty", "empty." + extension, new byte[0], null);
        }
        add("empty", "empty", new byte[0], null);
    }

    /** Real files under the name of another allowed type, or of a type a server might execute or a browser render. */
    private void wrongNames() {
        for (String extension : REAL) {
            for (String wrong : WRONG_NAMES) {
                boolean same = wrong.equals(extension);
                if (!same) {
                    add("wrong-name", "real-" + extension + "." + wrong, real.get(extension), null);
                }
            }
            add("wrong-name", "real-" + extension + ".jpg.html", real.get(extension), null);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1E6BB3));
        g.fillRect(0, 0, 48, 32);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    static byte[] pdf(String text) throws IOException {
        return pdf(text, null);
    }

    /** A one-page PDF showing {@code text} (its ASCII part: a standard font has no CJK), with an author if given. */
    public static byte[] pdf(String text, String author) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setAuthor(author);
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text.replaceAll("[^\\x20-\\x7e]", ""));
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx(String text) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] ffmpeg(Path scratch, String extension, String... codec) throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "real-", "." + extension);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi",
                "-i", "testsrc=size=96x64:rate=2:duration=1"));
        command.addAll(List.of(codec));
        command.add(out.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + log);
        }
        byte[] bytes = Files.readAllBytes(out);
        Files.delete(out);
        return bytes;
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream deflate = new java.util.zip.DeflaterOutputStream(compressed)) {
            deflate.write(new byte[64 * 1024]);
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A real JPEG whose frame header (SOF0) is made to declare another size. */
    private byte[] jpeg(int width, int height) {
        byte[] bytes = real.get("jpg").clone();
        for (int i = 2; i + 9 < bytes.length; i++) {
            if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) == 0xc0) {
                bytes[i + 5] = (byte) (height >> 8);
                bytes[i + 6] = (byte) height;
                bytes[i + 7] = (byte) (width >> 8);
                bytes[i + 8] = (byte) width;
                return bytes;
            }
        }
        throw new IllegalStateException("no SOF0 in the sample JPEG");
    }

    private static byte[] gif(int width, int height) {
        ByteBuffer gif = ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height)
                .put((byte) 0).put((byte) 0).put((byte) 0)
                .put((byte) 0x2c).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
                .put((byte) 0).put((byte) 2).put((byte) 2).put((byte) 0x4c).put((byte) 0x01).put((byte) 0).put((byte) 0x3b);
        return Arrays.copyOf(gif.array(), gif.position());
    }

    private static byte[] webp(int width, int height) {
        ByteBuffer webp = ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII))
                .putInt(10).putInt(0);
        webp.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        webp.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        return webp.array();
    }
}
