package app.laurel.bench;

import app.laurel.platform.pdf.CertificateFont;
import app.laurel.publication.CertificateContent;
import app.laurel.publication.CertificateRenderer;
import app.laurel.publication.CertificateZip;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Issue 15's certificate target: 10,000 personalised honour certificates and their ZIP in under 120 s, each PDF
 * under 150 KB. Runs the organiser's batch code in-process ({@link CertificateZip}, as {@code CertificateBatches}
 * calls it: pages of 500, a fixed pool of as many renderers as {@link CertificateFont#mostAtOnce()}, the ZIP
 * streamed to a file), with certificates made up here in place of the database page (each with its own holder,
 * work and serial, and a 600-pixel scanned-looking seal, the heaviest thing a certificate embeds). Runs 3 times at
 * the batch's parallelism and once with one renderer for comparison; prints median and spread, the largest PDF
 * and the ZIP's size, then deletes the ZIPs.
 * <p>
 * {@code mvn -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:exec@bench-certificates}
 * (arguments: work directory, certificates [10000], runs [3]).
 */
public final class CertificateBatchBenchmark {

    private static final int PAGE = 500;

    private CertificateBatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (count < 1 || count > 1_000_000 || runs < 1 || runs > 20) {
            throw new IllegalArgumentException("certificates must be 1..1,000,000 and runs 1..20, not " + count + " and " + runs);
        }
        Files.createDirectories(work);
        byte[] seal = seal();
        int parallel = CertificateFont.mostAtOnce();
        System.out.printf("certificate batch: %,d certificates, seal %d KB, %d renderers on %d cores, Java %s%n", count,
                seal.length / 1024, parallel, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<Double> seconds = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Result r = batch(work, count, parallel, seal);
            seconds.add(r.seconds());
            System.out.printf("run %d: %.1f s (%.2f ms a certificate), largest PDF %.1f KB, ZIP %.1f MB, load %s%n", run,
                    r.seconds(), r.seconds() * 1000 / count, r.largestPdf() / 1024.0, r.zipBytes() / 1048576.0, Machine.load());
        }
        Result serial = batch(work, count, 1, seal);
        seconds.sort(Double::compare);
        System.out.printf("%nRESULT certificates + ZIP, %,d: median %.1f s (min %.1f, max %.1f; target < 120 s) with %d renderers;"
                        + " one renderer %.1f s (%.2fx); largest PDF %.1f KB (target < 150 KB), ZIP %.1f MB; load %s%n",
                count, seconds.get(seconds.size() / 2), seconds.get(0), seconds.get(seconds.size() - 1), parallel,
                serial.seconds(), serial.seconds() / seconds.get(seconds.size() / 2), serial.largestPdf() / 1024.0,
                serial.zipBytes() / 1048576.0, Machine.load());
    }

    private record Result(double seconds, long largestPdf, long zipBytes) {
    }

    private static Result batch(Path work, int count, int parallel, byte[] seal) throws Exception {
        Path zip = work.resolve("certificates-" + System.nanoTime() + ".zip");
        ExecutorService renderers = Executors.newFixedThreadPool(parallel);
        try {
            long t0 = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16)) {
                int written = CertificateZip.write(after -> page(after, count, seal), renderers, parallel, out, done -> { });
                if (written != count) {
                    throw new IllegalStateException(written + " certificates written, not " + count);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long largest = 0;
            int entries = 0;
            try (ZipFile file = new ZipFile(zip.toFile())) {
                for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); entries++) {
                    largest = Math.max(largest, e.nextElement().getSize());
                }
            }
            if (entries != count) {
                throw new IllegalStateException("the ZIP holds " + entries + " files, not " + count);
            }
            return new Result(seconds, largest, Files.size(zip));
        } finally {
            renderers.shutdownNow();
            Files.deleteIfExists(zip);
        }
    }

    /** The next page of made-up certificates after id {@code after}, as the database page would hand them out. */
    private static List<CertificateZip.Item> page(long after, int count, byte[] seal) {
        List<CertificateZip.Item> page = new ArrayList<>();
        String[] surnames = {"欧阳", "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周"};
        String[] given = {"晓燕", "建国", "明", "小红", "志强", "丽华", "海涛", "静", "伟", "秀英"};
        for (long id = after + 1; id <= Math.min(count, after + PAGE); id++) {
            String holder = surnames[(int) (id % 10)] + given[(int) (id / 10 % 10)];
            String work = "回家的路（第" + id + "篇）";
            String serial = String.format("HY2021-%04X-M9XA-2PLT", id);
            String body = CertificateRenderer.fill("{name}同志：\n　　你的作品《{work}》在衡阳县“讲述身边的禁毒故事”评选活动中荣获“{award}”称号，特发此证。",
                    Map.of("name", holder, "work", work, "award", "衡阳县最美禁毒故事"));
            page.add(new CertificateZip.Item(id, CertificateZip.fileName(serial, holder), new CertificateContent("荣誉证书",
                    body, holder, work, "衡阳县最美禁毒故事", "衡阳县禁毒委员会办公室\n衡阳县教育局", LocalDate.of(2021, 6, 26),
                    serial, "https://laurel.example/verify/" + serial, seal, Locale.SIMPLIFIED_CHINESE)));
        }
        return page;
    }

    /** A 600-pixel red seal with the grain of a scan: a real organisation's seal image, not a clean drawing. */
    private static byte[] seal() throws IOException {
        int size = 600;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xD0, 0x10, 0x10));
        g.setStroke(new BasicStroke(24));
        g.drawOval(20, 20, size - 40, size - 40);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 60));
        g.drawString("SEAL 2021", 150, 330);
        g.dispose();
        Random grain = new Random(7);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) > 0 && grain.nextInt(5) == 0) {
                    image.setRGB(x, y, (argb & 0x00FFFFFF) | ((grain.nextInt(256)) << 24));
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
