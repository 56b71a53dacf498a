package app.laurel.campaign;

import app.laurel.platform.i18n.Messages;
import app.laurel.platform.pdf.CertificateFont;
import app.laurel.platform.time.Clocks;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A unit's one-page summary of a campaign as PDF: the campaign, the unit, its completion, and one line per task with
 * its status. Set in the project's own CJK face ({@link CertificateFont}) so that it prints the same on any machine.
 * Task texts are shortened to one line each so that the seed's 14 tasks (and up to 30) fit on one A4 page.
 */
public final class UnitSummaryPdf {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.ZONE);
    private static final float MARGIN = 50;
    private static final int MAX_LINES = 30;
    private static final int TASK_CHARS = 30;

    private UnitSummaryPdf() {
    }

    public static void write(UnitSummary summary, Locale locale, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            CertificateFont.use(document, font -> {
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    float y = PDRectangle.A4.getHeight() - MARGIN - 10;
                    y = line(text, font, 16, MARGIN, y, summary.campaignTitle(), 26);
                    if (summary.documentNo() != null) {
                        y = line(text, font, 10, MARGIN, y, summary.documentNo(), 18);
                    }
                    y = line(text, font, 13, MARGIN, y, Messages.text(locale, "campaign.pdf.unit", summary.unitName()), 20);
                    ProgressMatrix.Line l = summary.line();
                    y = line(text, font, 11, MARGIN, y, Messages.text(locale, "campaign.pdf.completion", l.done(), l.total(),
                            l.percent()), 16);
                    String documents = String.join("、", summary.documents().stream()
                            .map(k -> Messages.text(locale, "documentKind." + k)).toList());
                    y = line(text, font, 11, MARGIN, y, Messages.text(locale, "campaign.pdf.documents",
                            documents.isEmpty() ? Messages.text(locale, "campaign.pdf.none") : documents), 22);
                    for (int i = 0; i < summary.tasks().size() && i < MAX_LINES; i++) {
                        ProgressMatrix.Column task = summary.tasks().get(i);
                        ProgressMatrix.Cell cell = l.cells().get(i);
                        String shortText = task.text().length() > TASK_CHARS ? task.text().substring(0, TASK_CHARS) + "…" : task.text();
                        line(text, font, 10, MARGIN, y, task.seq() + ". " + shortText, 0);
                        String status = Messages.text(locale, "cellStatus." + cell.status())
                                + (cell.value() == null ? "" : " " + cell.value().stripTrailingZeros().toPlainString())
                                + (cell.belowTarget() ? " " + Messages.text(locale, "campaign.report.belowTarget") : "");
                        y = line(text, font, 10, PDRectangle.A4.getWidth() - MARGIN - 130, y, status, 17);
                    }
                    line(text, font, 9, MARGIN, MARGIN, Messages.text(locale, "campaign.pdf.asOf", STAMP.format(summary.asOf())), 0);
                }
                document.save(out);
            });
        }
    }

    /** A unit's text may hold a character the face lacks (an emoji, a rare sign): it prints as "?" rather than failing. */
    private static String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static float line(PDPageContentStream stream, PDType0Font font, float size, float x, float y, String text,
                              float advance) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(printable(font, text.replaceAll("[\\r\\n\\t]+", " ")));
        stream.endText();
        return y - advance;
    }
}
