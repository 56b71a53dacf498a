package app.laurel.publication;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Sets a document on as many A4 portrait pages as it needs, top to bottom: the same header line on every page,
 * headings kept with what follows them, paragraphs wrapped by {@link LineBreaker}, and tables whose header row
 * repeats on every page they reach and whose rows are never cut across a page (only a row taller than a whole page
 * continues on the next). Page numbers ("第 n 页 / 共 m 页") are added by {@link #finish} once the count is known.
 * A character the face has no glyph for prints as "?": an organiser's or citizen's text must never stop the report.
 * <p>
 * Pure layout: the caller loads the font into the document and saves it.
 */
final class ReportPages {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 50;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    static final float TEXT_SIZE = 10.5f;
    static final float TABLE_SIZE = 9;

    private static final float TOP = PAGE.getHeight() - 70;
    private static final float BOTTOM = 56;
    private static final float HEADER_BASELINE = PAGE.getHeight() - 40;
    private static final float FOOTER_BASELINE = 30;
    private static final float SMALL = 8.5f;
    private static final float LEADING = 1.5f;
    private static final float PAD = 3;
    private static final float HEADING_SIZE = 12.5f;
    private static final Color INK = new Color(0x1E1E1E);
    private static final Color GREY = new Color(0x666666);
    private static final Color RULE = new Color(0x999999);
    private static final Color SHADE = new Color(0xEEEEEE);

    /** A table column: its heading and its share of the text width (shares are relative to each other). */
    record Column(String heading, float share) {
    }

    private final PDDocument document;
    private final PDFont font;
    private final String header;
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream canvas;
    private float y;

    ReportPages(PDDocument document, PDFont font, String header) throws IOException {
        this.document = document;
        this.font = font;
        this.header = header;
        newPage();
    }

    /** A centred title in large type, wrapped when long. */
    void title(String text, float size) throws IOException {
        for (String line : LineBreaker.lines(printable(text), WIDTH, s -> width(size, s))) {
            room(size * LEADING);
            show(size, MARGIN + (WIDTH - width(size, line)) / 2, y - size, line, INK);
            y -= size * LEADING;
        }
    }

    /** A section heading: never the last thing on a page, so it starts a new page unless a few lines fit under it. */
    void heading(String text) throws IOException {
        gap(HEADING_SIZE * 0.6f);
        room(HEADING_SIZE * LEADING + 3 * TEXT_SIZE * LEADING);
        paragraph(text, HEADING_SIZE);
        gap(2);
    }

    void paragraph(String text) throws IOException {
        paragraph(text, TEXT_SIZE);
    }

    /** Lines the writer broke stay broken; each is wrapped to the text width. */
    void paragraph(String text, float size) throws IOException {
        for (String part : printable(text).split("\n", -1)) {
            for (String line : LineBreaker.lines(part.stripTrailing(), WIDTH, s -> width(size, s))) {
                room(size * LEADING);
                show(size, MARGIN, y - size, line, INK);
                y -= size * LEADING;
            }
        }
    }

    void gap(float points) {
        y -= points;
    }

    /**
     * A ruled table with a shaded header row, repeated at the top of every page the table reaches. A row starts on
     * the next page rather than being cut, unless it is taller than a page. {@code minRowHeight} leaves room to write
     * by hand (a signature).
     */
    void table(List<Column> columns, List<List<String>> rows, float minRowHeight) throws IOException {
        float total = (float) columns.stream().mapToDouble(Column::share).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = WIDTH * columns.get(i).share() / total;
        }
        List<List<String>> heading = cells(columns.stream().map(Column::heading).toList(), widths);
        float headingHeight = height(heading, minRowHeight);
        float line = TABLE_SIZE * LEADING;
        boolean first = true;
        for (List<String> row : rows) {
            List<List<String>> cells = cells(row, widths);
            float height = Math.max(height(cells, 0), minRowHeight);
            // A row that fits on a fresh page waits for one; the first row keeps the header company. A row taller
            // than a page starts here if a few of its lines fit.
            float above = first ? headingHeight : 0;
            if (y - above - height < BOTTOM
                    && (height <= TOP - BOTTOM - headingHeight || y - above - 3 * line - 2 * PAD < BOTTOM)) {
                newPage();
                first = true;
            }
            if (first) {
                row(heading, widths, 0, lines(heading), headingHeight, true);
                first = false;
            }
            int from = 0;
            int count = lines(cells);
            while (true) {
                int fit = (int) ((y - BOTTOM - 2 * PAD) / line);
                if (fit < 1) {
                    newPage();
                    row(heading, widths, 0, lines(heading), headingHeight, true);
                    continue;
                }
                int to = Math.min(count, from + fit);
                row(cells, widths, from, to, to == count && from == 0 ? height : (to - from) * line + 2 * PAD, false);
                if (to == count) {
                    break;
                }
                from = to;
                newPage();
                row(heading, widths, 0, lines(heading), headingHeight, true);
            }
        }
        if (first) {
            room(headingHeight);
            row(heading, widths, 0, lines(heading), headingHeight, true);
        }
        gap(TEXT_SIZE * 0.5f);
    }

    int pageCount() {
        return pages.size();
    }

    /** Ends the document: {@code label} gets the page's number and the number of pages, for the foot of each page. */
    void finish(BiFunction<Integer, Integer, String> label) throws IOException {
        canvas.close();
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream foot = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                canvas = foot;
                String text = printable(label.apply(i + 1, pages.size()));
                show(SMALL, MARGIN + (WIDTH - width(SMALL, text)) / 2, FOOTER_BASELINE, text, GREY);
            }
        }
    }

    /** The width of {@code text} as this layout would draw it, in points. */
    float width(float size, String text) throws IOException {
        return font.getStringWidth(printable(text)) / 1000 * size;
    }

    private void newPage() throws IOException {
        if (canvas != null) {
            canvas.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        canvas = new PDPageContentStream(document, page);
        String text = printable(header);
        while (width(SMALL, text) > WIDTH && text.length() > 1) {
            text = text.substring(0, text.length() - 2) + "…";
        }
        show(SMALL, MARGIN, HEADER_BASELINE, text, GREY);
        canvas.setStrokingColor(RULE);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(MARGIN, HEADER_BASELINE - 6);
        canvas.lineTo(MARGIN + WIDTH, HEADER_BASELINE - 6);
        canvas.stroke();
        y = TOP;
    }

    /** A new page unless {@code height} still fits above the bottom margin. */
    private void room(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private List<List<String>> cells(List<String> row, float[] widths) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            String text = i < row.size() && row.get(i) != null ? printable(row.get(i)) : "";
            List<String> lines = new ArrayList<>();
            for (String part : text.split("\n", -1)) {
                lines.addAll(LineBreaker.lines(part.stripTrailing(), widths[i] - 2 * PAD, s -> width(TABLE_SIZE, s)));
            }
            cells.add(lines);
        }
        return cells;
    }

    private static int lines(List<List<String>> cells) {
        return cells.stream().mapToInt(List::size).max().orElse(1);
    }

    private static float height(List<List<String>> cells, float least) {
        return Math.max(lines(cells) * TABLE_SIZE * LEADING + 2 * PAD, least);
    }

    /** Lines {@code from} (inclusive) to {@code to} of each cell, in ruled boxes {@code height} tall. */
    private void row(List<List<String>> cells, float[] widths, int from, int to, float height, boolean shaded)
            throws IOException {
        float x = MARGIN;
        if (shaded) {
            canvas.setNonStrokingColor(SHADE);
            canvas.addRect(MARGIN, y - height, WIDTH, height);
            canvas.fill();
        }
        canvas.setStrokingColor(RULE);
        canvas.setLineWidth(0.5f);
        for (int i = 0; i < widths.length; i++) {
            canvas.addRect(x, y - height, widths[i], height);
            canvas.stroke();
            List<String> lines = cells.get(i);
            float baseline = y - PAD - TABLE_SIZE;
            for (int k = from; k < Math.min(to, lines.size()); k++) {
                if (!lines.get(k).isEmpty()) {
                    show(TABLE_SIZE, x + PAD, baseline, lines.get(k), INK);
                }
                baseline -= TABLE_SIZE * LEADING;
            }
            x += widths[i];
        }
        y -= height;
    }

    private void show(float size, float x, float baseline, String text, Color colour) throws IOException {
        canvas.setNonStrokingColor(colour);
        canvas.beginText();
        canvas.setFont(font, size);
        canvas.newLineAtOffset(x, baseline);
        canvas.showText(text);
        canvas.endText();
    }

    /** Control characters other than line breaks become spaces, and a character the face lacks becomes "?". */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r\n", "\n").codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (drawable.computeIfAbsent(cp, this::hasGlyph)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
