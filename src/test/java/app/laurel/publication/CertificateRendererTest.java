package app.laurel.publication;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An honour certificate as its holder and a verifier meet it: the text is there and real text (searchable, copyable),
 * the font travels inside the PDF cut down to the glyphs used, the name is visibly inked on the page, and a phone
 * scanning the QR code lands on the verification address.
 */
class CertificateRendererTest {

    private static final String SERIAL = "HY2021-7KQ3-M9XA-2PLT";
    private static final String VERIFY_URL = "https://laurel.example/verify/" + SERIAL;
    private static final String TEMPLATE =
            "{name}同志：你的作品《{work}》在衡阳县“讲述身边的禁毒故事”评选活动中荣获“{award}”称号，特发此证。";
    private static final float DPI = 100;

    private static byte[] pdf;

    @BeforeAll
    static void renderOnce() throws IOException {
        long start = System.nanoTime();
        pdf = render(certificate(body(), Locale.SIMPLIFIED_CHINESE));
        long cold = System.nanoTime() - start;
        int warmRuns = 20;
        start = System.nanoTime();
        for (int i = 0; i < warmRuns; i++) {
            render(certificate(body(), Locale.SIMPLIFIED_CHINESE));
        }
        long warm = (System.nanoTime() - start) / warmRuns;
        System.out.printf("certificate: first render %d ms, warm %d ms, %d bytes%n", cold / 1_000_000, warm / 1_000_000,
                pdf.length);
    }

    @Test
    void theTextIsThereAsText() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("欧阳晓燕", "回家的路", "衡阳县最美禁毒故事", "衡阳县禁毒委员会", "2026年6月26日",
                    "证书编号", SERIAL, "扫码查验真伪")) {
                assertTrue(text.contains(expected), () -> "missing " + expected + " in:\n" + text);
            }
            assertEquals("荣誉证书 - 欧阳晓燕", document.getDocumentInformation().getTitle());
            assertEquals("Laurel", document.getDocumentInformation().getCreator());
            assertNull(document.getDocumentInformation().getAuthor());
        }
    }

    @Test
    void theFontTravelsInsideCutDownToTheGlyphsUsed() throws IOException {
        assertTrue(pdf.length < 200 * 1024, "PDF of " + pdf.length + " bytes");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            int fonts = 0;
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts++;
                assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                assertTrue(font.getName().matches("[A-Z]{6}\\+UKaiCN"), font.getName() + " is not a subset");
                // Only what is drawn: every distinct character on the page, plus .notdef.
                var embedded = ((PDCIDFontType2) ((PDType0Font) font).getDescendantFont()).getTrueTypeFont();
                long drawn = new PDFTextStripper().getText(document).codePoints()
                        .filter(cp -> !Character.isWhitespace(cp)).distinct().count();
                assertTrue(embedded.getNumberOfGlyphs() <= drawn + 1,
                        embedded.getNumberOfGlyphs() + " glyphs embedded for " + drawn + " characters");
            }
            assertEquals(1, fonts);
        }
    }

    @Test
    void theNameIsInkedAndTheMarginIsBlank() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
            Rectangle name = pixels(boxOf(document, "欧阳晓燕"));
            double inked = (double) count(page, name, CertificateRendererTest::isInk) / (name.width * name.height);
            assertTrue(inked > 0.10, "the holder's name at " + name + " is " + Math.round(inked * 100) + "% ink");

            // Between the inner frame and the title, across the middle of the page: nothing is drawn there.
            Rectangle margin = pixels(new float[]{321, 40, 521, 68});
            assertEquals(0, count(page, margin, CertificateRendererTest::isInk), "ink in the margin " + margin);

            // The seal is stamped over the issuer's name.
            Rectangle issuer = pixels(boxOf(document, "衡阳县禁毒委员会"));
            assertTrue(count(page, issuer, CertificateRendererTest::isSealRed) > 50,
                    "no seal over the issuer " + issuer);
        }
    }

    @Test
    void theQrCodeLeadsToTheVerificationAddress() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
            // The bottom-left quarter, where the code is meant to be.
            BufferedImage corner = page.getSubimage(0, page.getHeight() / 2, page.getWidth() / 2, page.getHeight() / 2);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(corner)));
            Result decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            assertEquals(VERIFY_URL, decoded.getText());
        }
    }

    @Test
    void rendersOnSeveralThreadsAtOnceComeOutWhole() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> renders = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                renders.add(threads.submit(() -> render(certificate(body(), Locale.SIMPLIFIED_CHINESE))));
            }
            String expected = textOf(pdf);
            for (Future<byte[]> render : renders) {
                assertEquals(expected, textOf(render.get()));
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void englishLabelsAndAnIsoDate() throws IOException {
        byte[] english = render(certificate("Ouyang Xiaoyan: your story \"The Way Home\" won the county's "
                + "\"Best Anti-Drug Story\" award.", Locale.ENGLISH));
        try (PDDocument document = Loader.loadPDF(english)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Certificate No.: " + SERIAL), text);
            assertTrue(text.contains("Scan to verify"), text);
            assertTrue(text.contains("2026-06-26"), text);
            assertTrue(text.contains("\"The Way Home\""), text);
        }
    }

    @Test
    void aLongBodyIsSetSmallerAndKeptWhole() throws IOException {
        String paragraph = body() + "希望你再接再厉，继续用手中的笔讲好身边的禁毒故事，让更多的人认清毒品的危害，远离毒品、珍爱生命。";
        String body = paragraph + "\n　　" + paragraph + "\n　　" + paragraph;
        try (PDDocument document = Loader.loadPDF(render(certificate(body, Locale.SIMPLIFIED_CHINESE)))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertTrue(text.contains(body.replaceAll("\\s", "")), text);
        }
    }

    @Test
    void aBodyTooLongForThePageIsRefusedBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificateContent tooLong = certificate("珍爱生命，远离毒品。".repeat(120), Locale.SIMPLIFIED_CHINESE);
        assertThrows(IllegalArgumentException.class, () -> CertificateRenderer.render(tooLong, out));
        assertEquals(0, out.size());
    }

    @Test
    void aCharacterTheFontCannotDrawIsRefusedByName() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificateContent emoji = certificate(body() + "😀", Locale.SIMPLIFIED_CHINESE);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CertificateRenderer.render(emoji, out));
        assertTrue(refused.getMessage().contains("U+1F600"), refused.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void aSealThatIsNotAnImageIsRefused() {
        CertificateContent content = certificate(body(), Locale.SIMPLIFIED_CHINESE);
        CertificateContent garbled = new CertificateContent(content.title(), content.body(), content.holder(),
                content.work(), content.award(), content.issuer(), content.date(), content.serial(),
                content.verifyUrl(), "not a PNG".getBytes(StandardCharsets.UTF_8), content.locale());
        assertThrows(IllegalArgumentException.class,
                () -> CertificateRenderer.render(garbled, new ByteArrayOutputStream()));
    }

    @Test
    void fillResolvesTheFivePlaceholdersAndLeavesOthers() {
        String filled = CertificateRenderer.fill("{name}：《{work}》获“{award}”。{issuer} {date} {unit} {name}",
                Map.of("name", "欧阳晓燕", "work", "回家的路", "award", "衡阳县最美禁毒故事", "issuer", "衡阳县禁毒委员会",
                        "date", "2026年6月26日"));
        assertEquals("欧阳晓燕：《回家的路》获“衡阳县最美禁毒故事”。衡阳县禁毒委员会 2026年6月26日 {unit} 欧阳晓燕", filled);
        // A value is put in as it is: not searched again for placeholders, $ and \ are not special.
        assertEquals("{work} $1\\ {award}", CertificateRenderer.fill("{name} {award}", Map.of("name", "{work} $1\\")));
    }

    @Test
    void datesAsEachLanguageWritesThem() {
        LocalDate date = LocalDate.of(2026, 6, 26);
        assertEquals("2026年6月26日", CertificateRenderer.formatDate(date, Locale.SIMPLIFIED_CHINESE));
        assertEquals("2026-06-26", CertificateRenderer.formatDate(date, Locale.ENGLISH));
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The organiser's template, filled as the caller will fill it. */
    private static String body() {
        return CertificateRenderer.fill(TEMPLATE, Map.of("name", "欧阳晓燕", "work", "回家的路", "award", "衡阳县最美禁毒故事"));
    }

    private static CertificateContent certificate(String body, Locale locale) {
        return new CertificateContent("荣誉证书", body, "欧阳晓燕", "回家的路", "衡阳县最美禁毒故事", "衡阳县禁毒委员会",
                LocalDate.of(2026, 6, 26), SERIAL, VERIFY_URL, seal(), locale);
    }

    private static byte[] render(CertificateContent content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificateRenderer.render(content, out);
        return out.toByteArray();
    }

    /** A red ring with a star, on a transparent ground, as an organisation's seal image is. */
    private static byte[] seal() {
        BufferedImage image = new BufferedImage(240, 240, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xD0, 0x10, 0x10));
        g.setStroke(new BasicStroke(12));
        g.drawOval(10, 10, 220, 220);
        Polygon star = new Polygon();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 50 : 20;
            double a = Math.PI / 2 + i * Math.PI / 5;
            star.addPoint((int) (120 + r * Math.cos(a)), (int) (120 - r * Math.sin(a)));
        }
        g.fillPolygon(star);
        g.dispose();
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@code wanted} is on page 0, as {left, top, right, bottom} in points from the top left. */
    private static float[] boxOf(PDDocument document, String wanted) throws IOException {
        float[] box = new float[4];
        PDFTextStripper finder = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                StringBuilder chars = new StringBuilder();
                for (TextPosition position : positions) {
                    chars.append(position.getUnicode());
                }
                int at = chars.indexOf(wanted);
                if (at < 0 || box[2] > 0) {
                    return;
                }
                box[0] = Float.MAX_VALUE;
                box[1] = Float.MAX_VALUE;
                for (TextPosition position : positions.subList(at, at + wanted.length())) {
                    box[0] = Math.min(box[0], position.getXDirAdj());
                    box[1] = Math.min(box[1], position.getYDirAdj() - position.getHeightDir());
                    box[2] = Math.max(box[2], position.getXDirAdj() + position.getWidthDirAdj());
                    box[3] = Math.max(box[3], position.getYDirAdj());
                }
            }
        };
        finder.setStartPage(1);
        finder.setEndPage(1);
        finder.getText(document);
        assertTrue(box[2] > 0, wanted + " not found on the page");
        return box;
    }

    private static Rectangle pixels(float[] box) {
        float scale = DPI / 72;
        int left = Math.round(box[0] * scale);
        int top = Math.round(box[1] * scale);
        return new Rectangle(left, top, Math.round(box[2] * scale) - left, Math.round(box[3] * scale) - top);
    }

    private interface PixelTest {
        boolean test(int red, int green, int blue);
    }

    private static int count(BufferedImage image, Rectangle area, PixelTest test) {
        int found = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                int rgb = image.getRGB(x, y);
                if (test.test(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF)) {
                    found++;
                }
            }
        }
        return found;
    }

    private static boolean isInk(int red, int green, int blue) {
        return red < 200 || green < 200 || blue < 200;
    }

    private static boolean isSealRed(int red, int green, int blue) {
        return red > 150 && green < 100 && blue < 100;
    }
}
