package app.laurel.it;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Real files for upload tests, made on the spot: MP4s by ffmpeg, a .docx by POI, a PDF by PDFBox, a PNG by ImageIO. */
final class TestFiles {

    private TestFiles() {
    }

    /** An H.264 MP4 of the given length; a still picture at one frame a second keeps even half an hour small. */
    static Path mp4(Path dir, int seconds) throws IOException, InterruptedException {
        Path out = dir.resolve("video-" + seconds + "s.mp4");
        Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi",
                "-i", "testsrc=size=160x120:rate=1:duration=" + seconds, "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", out.toString())).redirectErrorStream(true).start();
        String log = new String(ffmpeg.getInputStream().readAllBytes());
        if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + log);
        }
        return out;
    }

    static Path docx(Path dir, String text) throws IOException {
        Path out = dir.resolve("story.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream stream = Files.newOutputStream(out)) {
            document.getProperties().getCoreProperties().setCreator("张三（作者姓名不应给评委看到）");
            document.createParagraph().createRun().setText(text);
            document.write(stream);
        }
        return out;
    }

    static Path pdf(Path dir, String text) throws IOException {
        return Files.write(dir.resolve("story.pdf"), app.laurel.storage.HostileFiles.pdf(text, "张三（作者姓名不应给评委看到）"));
    }

    static Path png(Path dir, int width, int height) throws IOException {
        Path out = dir.resolve("photo-" + width + "x" + height + ".png");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xB3261E));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ImageIO.write(image, "png", out.toFile());
        return out;
    }

    /**
     * The same .docx with its {@code word/document.xml} cut off mid-element: still a ZIP that says it is a Word
     * document, but no reader can open the text, as after a crash of the program that saved it.
     */
    static Path withBrokenDocumentXml(Path docx) throws IOException {
        Path out = docx.resolveSibling("broken-" + docx.getFileName());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(docx));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals("word/document.xml") ? Arrays.copyOf(content, content.length / 2) : content);
                zip.closeEntry();
            }
        }
        return out;
    }

    /** The first part of a file, as a dropped download or a full disk leaves it. */
    static Path truncated(Path file, double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Files.write(file.resolveSibling("cut-" + file.getFileName()), Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The files in the storage directory, for tests that check nothing is left behind; the lock files that nodes
     * sharing the directory take turns on ({@code locks/}) hold no data and stay.
     */
    static long storedFiles(Path storage) throws IOException {
        if (!Files.exists(storage)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(storage)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getParent().getFileName().toString().equals("locks")).count();
        }
    }
}
