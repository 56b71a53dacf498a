package app.laurel.publication;

import app.laurel.platform.i18n.Messages;
import app.laurel.platform.pdf.CertificateFont;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws an honour certificate (荣誉证书) as a one-page PDF: A4 landscape in a red and gold double border, the title
 * large and centred, the organiser's text, the issuer and date at the bottom right under the seal, and at the bottom
 * left a QR code of the online verification address with the certificate's serial. The PDF carries its own font
 * (a subset of AR PL UKai, see {@link CertificateFont}), so it looks the same on any machine and prints anywhere.
 * <p>
 * Pure: no container, no database; the caller decides what the certificate says and where the PDF goes.
 */
public final class CertificateRenderer {

    /** The placeholders {@link #fill} knows, written {@code {name}} and so on in a template. */
    public static final List<String> PLACEHOLDERS = List.of("name", "work", "award", "issuer", "date");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(" + String.join("|", PLACEHOLDERS) + ")}");

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float WIDTH = PAGE.getWidth();
    private static final float HEIGHT = PAGE.getHeight();

    private static final Color RED = new Color(0xB3261E);
    private static final Color GOLD = new Color(0xC59B2E);
    private static final Color INK = new Color(0x1E1E1E);

    /** Left and right edge of the text. */
    private static final float MARGIN = 100;

    private static final float TITLE_BASELINE = 470;
    private static final float TITLE_SIZE = 46;
    private static final float TITLE_SMALLEST = 24;

    /** The body hangs from this height, clear of what is below it, at the largest size that fits. */
    private static final float BODY_TOP = 420;
    private static final float GAP = 10;
    private static final float BODY_LARGEST = 24;
    private static final float BODY_SMALLEST = 12;
    private static final float BODY_STEP = 1;
    private static final float LEADING = 1.75f;

    private static final float ISSUER_SIZE = 20;
    private static final float ISSUER_SMALLEST = 12;
    private static final float ISSUER_LEADING = 1.5f;
    private static final float ISSUER_BASELINE = 150;
    private static final float DATE_BASELINE = 116;
    private static final float ISSUER_MAX_WIDTH = 420;
    private static final int ISSUER_MAX_LINES = 3;
    private static final float SEAL_SIZE = 108;

    private static final float QR_X = 96;
    private static final float QR_Y = 100;
    private static final float QR_SIZE = 92;
    private static final float LABEL_SIZE = 9;

    private CertificateRenderer() {
    }

    /** The first page of a certificate as a PNG about 840 pixels wide, for a preview on a page. */
    public static byte[] picture(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImage(0, 1f, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the certificate to {@code out} (which stays open). Everything is checked before the first byte is
     * written, so a refused certificate leaves {@code out} untouched.
     *
     * @throws IllegalArgumentException if the body does not fit on the page even at the smallest size, if the title
     *                                  or the issuer is too long, if the font has no glyph for a character, or if
     *                                  the seal is not an image
     */
    public static void render(CertificateContent content, OutputStream out) throws IOException {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(out, "out");
        Locale locale = Messages.supported(content.locale());
        String title = oneLine(content.title());
        String serialLabel = Messages.text(locale, "certificate.pdf.serial", oneLine(content.serial()));
        String verifyLabel = Messages.text(locale, "certificate.pdf.verify");
        String date = formatDate(content.date(), locale);
        List<String> issuerLines = content.issuer().strip().lines().map(CertificateRenderer::oneLine).toList();
        if (issuerLines.size() > ISSUER_MAX_LINES) {
            throw new IllegalArgumentException("at most " + ISSUER_MAX_LINES + " issuers fit on a certificate");
        }
        ByteMatrix qr = qrCode(content.verifyUrl());

        try (PDDocument document = new PDDocument()) {
            CertificateFont.use(document, font -> {
                requireGlyphs(font, "title", title);
                requireGlyphs(font, "body", content.body());
                requireGlyphs(font, "issuer", content.issuer());
                requireGlyphs(font, "date", date);
                requireGlyphs(font, "serial", serialLabel);
                requireGlyphs(font, "label", verifyLabel);
                Title fittedTitle = fitTitle(font, title);
                float issuerSize = fitIssuer(font, issuerLines);
                float issuerTop = ISSUER_BASELINE + (issuerLines.size() - 1) * issuerSize * ISSUER_LEADING + issuerSize;
                Body body = fitBody(font, content.body(), Math.max(QR_Y + QR_SIZE + quietZone(qr), issuerTop) + GAP);
                PDImageXObject seal = content.sealPng() == null ? null
                        : SealStreams.image(document, content.sealPng());

                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream canvas = new PDPageContentStream(document, page)) {
                    drawBorder(canvas);
                    drawTitle(canvas, font, fittedTitle);
                    drawBody(canvas, font, body);
                    float axis = drawIssuerAndDate(canvas, font, issuerSize, issuerLines, date);
                    if (seal != null) {
                        drawSeal(canvas, seal, axis, (ISSUER_BASELINE + DATE_BASELINE) / 2 + issuerSize * 0.35f);
                    }
                    drawQrCode(canvas, qr);
                    canvas.setNonStrokingColor(INK);
                    float labels = QR_Y - quietZone(qr) - LABEL_SIZE;
                    show(canvas, font, LABEL_SIZE, QR_X, labels, serialLabel);
                    show(canvas, font, LABEL_SIZE, QR_X, labels - LABEL_SIZE * 1.5f, verifyLabel);
                }

                // Title and creator only: nothing about the holder beyond the name the certificate shows anyway.
                PDDocumentInformation information = new PDDocumentInformation();
                information.setTitle(title + " - " + oneLine(content.holder()));
                information.setCreator("Laurel");
                document.setDocumentInformation(information);
                document.getDocumentCatalog().setLanguage(locale.toLanguageTag());
                document.save(out);
            });
        }
    }

    /**
     * Resolves {@code {name}}, {@code {work}}, {@code {award}}, {@code {issuer}} and {@code {date}} in an organiser's
     * template. Placeholders it does not know, or has no value for, are left as they are; values are put in
     * verbatim and are not themselves searched for placeholders.
     */
    public static String fill(String template, Map<String, String> values) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(values, "values");
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** "2026年6月26日" in Chinese, as official documents write it; ISO 8601 in English. */
    public static String formatDate(LocalDate date, Locale locale) {
        Objects.requireNonNull(date, "date");
        if (Messages.supported(locale).equals(Messages.CHINESE)) {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }
        return date.toString();
    }

    private record Body(float size, List<String> lines) {
    }

    /** The largest size at which the body, down to its last line's descenders, stays above {@code bottom}. */
    private static Body fitBody(PDFont font, String text, float bottom) throws IOException {
        // Lines the organiser broke stay broken, and a paragraph's indent (　　) stays.
        List<String> paragraphs = new ArrayList<>(text.lines().map(p -> printable(p).stripTrailing()).toList());
        while (!paragraphs.isEmpty() && paragraphs.get(0).isBlank()) {
            paragraphs.remove(0);
        }
        while (!paragraphs.isEmpty() && paragraphs.get(paragraphs.size() - 1).isBlank()) {
            paragraphs.remove(paragraphs.size() - 1);
        }
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("the body has nothing to print");
        }
        for (float size = BODY_LARGEST; size >= BODY_SMALLEST; size -= BODY_STEP) {
            float fontSize = size;
            List<String> lines = new ArrayList<>();
            for (String paragraph : paragraphs) {
                lines.addAll(LineBreaker.lines(paragraph, WIDTH - 2 * MARGIN, s -> width(font, fontSize, s)));
            }
            float lastBaseline = BODY_TOP - fontSize - (lines.size() - 1) * fontSize * LEADING;
            if (lastBaseline - fontSize * 0.25f >= bottom) {
                return new Body(fontSize, lines);
            }
        }
        throw new IllegalArgumentException("the body is too long for one certificate page even at " + BODY_SMALLEST
                + " pt: " + text.codePointCount(0, text.length()) + " characters");
    }

    private static float fitIssuer(PDFont font, List<String> lines) throws IOException {
        for (float size = ISSUER_SIZE; size >= ISSUER_SMALLEST; size -= 1) {
            float widest = 0;
            for (String line : lines) {
                widest = Math.max(widest, width(font, size, line));
            }
            if (widest <= ISSUER_MAX_WIDTH) {
                return size;
            }
        }
        throw new IllegalArgumentException("the issuer's name is too long for a certificate: " + lines);
    }

    private static void drawBorder(PDPageContentStream canvas) throws IOException {
        canvas.setStrokingColor(RED);
        canvas.setLineWidth(6);
        canvas.addRect(20, 20, WIDTH - 40, HEIGHT - 40);
        canvas.stroke();
        canvas.setStrokingColor(GOLD);
        canvas.setLineWidth(1.5f);
        canvas.addRect(30, 30, WIDTH - 60, HEIGHT - 60);
        canvas.stroke();
        canvas.setLineWidth(0.6f);
        canvas.addRect(34, 34, WIDTH - 68, HEIGHT - 68);
        canvas.stroke();
        // A gold lozenge on each corner of the inner frame.
        canvas.setNonStrokingColor(GOLD);
        for (float[] corner : new float[][]{{32, 32}, {WIDTH - 32, 32}, {32, HEIGHT - 32}, {WIDTH - 32, HEIGHT - 32}}) {
            float x = corner[0];
            float y = corner[1];
            canvas.moveTo(x, y - 7);
            canvas.lineTo(x + 7, y);
            canvas.lineTo(x, y + 7);
            canvas.lineTo(x - 7, y);
            canvas.closePath();
        }
        canvas.fill();
    }

    private record Title(String text, float size, float spacing, float width) {
    }

    /** A short Chinese title is spaced out (荣 誉 证 书); a longer or English one is set as it is. */
    private static Title fitTitle(PDFont font, String title) throws IOException {
        int characters = title.codePointCount(0, title.length());
        boolean spaced = characters <= 6 && title.codePoints().noneMatch(Character::isWhitespace);
        for (float size = TITLE_SIZE; size >= TITLE_SMALLEST; size -= 2) {
            float spacing = spaced ? size * 0.4f : 0;
            float width = width(font, size, title) + spacing * (characters - 1);
            if (width <= WIDTH - 2 * MARGIN) {
                return new Title(title, size, spacing, width);
            }
        }
        throw new IllegalArgumentException("the title is too long for a certificate: " + title);
    }

    private static void drawTitle(PDPageContentStream canvas, PDFont font, Title title) throws IOException {
        canvas.setNonStrokingColor(RED);
        canvas.beginText();
        canvas.setFont(font, title.size());
        canvas.setCharacterSpacing(title.spacing());
        canvas.newLineAtOffset((WIDTH - title.width()) / 2, TITLE_BASELINE);
        canvas.showText(title.text());
        canvas.setCharacterSpacing(0);
        canvas.endText();
    }

    private static void drawBody(PDPageContentStream canvas, PDFont font, Body body) throws IOException {
        canvas.setNonStrokingColor(INK);
        float baseline = BODY_TOP - body.size();
        for (String line : body.lines()) {
            if (!line.isEmpty()) {
                show(canvas, font, body.size(), MARGIN, baseline, line);
            }
            baseline -= body.size() * LEADING;
        }
    }

    /** Sets the issuer and the date centred on one axis, flush with the right margin; returns that axis. */
    private static float drawIssuerAndDate(PDPageContentStream canvas, PDFont font, float size, List<String> issuer,
                                           String date) throws IOException {
        float widest = width(font, size, date);
        for (String line : issuer) {
            widest = Math.max(widest, width(font, size, line));
        }
        float axis = WIDTH - MARGIN - widest / 2;
        canvas.setNonStrokingColor(INK);
        float baseline = ISSUER_BASELINE + (issuer.size() - 1) * size * ISSUER_LEADING;
        for (String line : issuer) {
            show(canvas, font, size, axis - width(font, size, line) / 2, baseline, line);
            baseline -= size * ISSUER_LEADING;
        }
        show(canvas, font, size, axis - width(font, size, date) / 2, DATE_BASELINE, date);
        return axis;
    }

    /** The seal goes over the issuer's name, as a stamped one would. */
    private static void drawSeal(PDPageContentStream canvas, PDImageXObject seal, float centreX, float centreY)
            throws IOException {
        float scale = SEAL_SIZE / Math.max(seal.getWidth(), seal.getHeight());
        float width = seal.getWidth() * scale;
        float height = seal.getHeight() * scale;
        canvas.drawImage(seal, centreX - width / 2, centreY - height / 2, width, height);
    }

    private static ByteMatrix qrCode(String text) {
        Map<EncodeHintType, Object> hints = StandardCharsets.US_ASCII.newEncoder().canEncode(text)
                ? Map.of() : Map.of(EncodeHintType.CHARACTER_SET, "UTF-8");
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("the verification address does not fit in a QR code", e);
        }
    }

    /** The four white modules a reader needs around the code. */
    private static float quietZone(ByteMatrix qr) {
        return 4 * QR_SIZE / qr.getWidth();
    }

    /** Each run of dark modules in a row is one rectangle, all filled as one shape: sharp at any zoom, no seams. */
    private static void drawQrCode(PDPageContentStream canvas, ByteMatrix qr) throws IOException {
        int modules = qr.getWidth();
        float module = QR_SIZE / modules;
        canvas.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < modules; row++) {
            int column = 0;
            while (column < modules) {
                if (qr.get(column, row) != 1) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < modules && qr.get(column, row) == 1) {
                    column++;
                }
                canvas.addRect(QR_X + start * module, QR_Y + QR_SIZE - (row + 1) * module, (column - start) * module,
                        module);
            }
        }
        canvas.fill();
    }

    private static void show(PDPageContentStream canvas, PDFont font, float size, float x, float y, String text)
            throws IOException {
        canvas.beginText();
        canvas.setFont(font, size);
        canvas.newLineAtOffset(x, y);
        canvas.showText(text);
        canvas.endText();
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Refuses, with a useful message, text with a character the certificate font cannot draw (a rare 生僻字). */
    private static void requireGlyphs(PDFont font, String field, String text) throws IOException {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                continue;
            }
            try {
                font.encode(new String(Character.toChars(cp)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(String.format(
                        "the certificate font has no glyph for %s (U+%04X) in the %s", Character.toString(cp), cp, field),
                        e);
            }
        }
    }

    private static String oneLine(String text) {
        return printable(text).strip();
    }

    /** Control characters (a stray tab or line break) become spaces: PDF text has no use for them. */
    private static String printable(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> line.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return line.toString();
    }
}
