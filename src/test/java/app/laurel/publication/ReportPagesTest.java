package app.laurel.publication;

import app.laurel.platform.pdf.CertificateFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's page layout, read back from the PDF it makes: what a reader of each printed page would find. */
class ReportPagesTest {

    private static final String HEADER = "讲述身边的禁毒故事 · 评审结果报告";
    private static final List<ReportPages.Column> COLUMNS = List.of(new ReportPages.Column("编号", 1.2f),
            new ReportPages.Column("作品标题", 3), new ReportPages.Column("得分", 1));

    @FunctionalInterface
    private interface Content {
        void on(ReportPages pages) throws IOException;
    }

    private static byte[] pdf(Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            CertificateFont.use(document, font -> {
                ReportPages pages = new ReportPages(document, font, HEADER);
                content.on(pages);
                pages.finish((page, of) -> "第 " + page + " 页 / 共 " + of + " 页");
                document.save(out);
            });
        }
        return out.toByteArray();
    }

    private static List<String> pageTexts(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> texts = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(document));
            }
            return texts;
        }
    }

    private static List<List<String>> rows(int count) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(List.of("CODE%03d".formatted(i), "一个很长很长的作品标题，讲述了社区禁毒志愿者十年如一日的坚守与付出 END%03d".formatted(i),
                    "8" + (i % 10) + ".50"));
        }
        return rows;
    }

    @Test
    void aTableLongerThanAPageRepeatsItsHeaderRowOnEveryPageAndNeverCutsARow() throws IOException {
        List<String> pages = pageTexts(pdf(p -> {
            p.paragraph("以下为评审结果。");
            p.table(COLUMNS, rows(120), 0);
        }));
        assertTrue(pages.size() >= 3, "120 two-line rows take several pages: " + pages.size());
        List<Integer> seen = new ArrayList<>();
        for (String page : pages) {
            assertTrue(page.contains("编号") && page.contains("作品标题") && page.contains("得分"), "header row on every page:\n" + page);
            Matcher code = Pattern.compile("CODE(\\d{3})").matcher(page);
            while (code.find()) {
                int row = Integer.parseInt(code.group(1));
                seen.add(row);
                assertTrue(page.contains("END%03d".formatted(row)), "row " + row + " ends on the page where it starts");
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen, "every row once, in order");
    }

    @Test
    void everyPageHasTheHeaderAndItsNumberOutOfTheTotal() throws IOException {
        List<String> pages = pageTexts(pdf(p -> p.table(COLUMNS, rows(80), 0)));
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).contains(HEADER), "header on page " + (i + 1));
            assertTrue(pages.get(i).contains("第 " + (i + 1) + " 页 / 共 " + pages.size() + " 页"), pages.get(i));
        }
    }

    @Test
    void longTitlesAreWrappedInsideTheirColumnAndNothingPassesTheMargin() throws IOException {
        String title = "《一个非常非常长的标题：一位社区禁毒志愿者与一个曾经吸毒的青年之间长达十年的故事》";
        String serial = "HY2021-7KQ3-M9XA-2PLT-HY2021-7KQ3-M9XA-2PLT-HY2021-7KQ3";
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf(p -> {
            p.paragraph(title + title + title);
            p.table(COLUMNS, List.of(List.of(serial, title, "90.00")), 0);
        }))) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            }.getText(document);
        }
        float right = ReportPages.MARGIN + ReportPages.WIDTH + 0.5f;
        for (TextPosition glyph : glyphs) {
            assertTrue(glyph.getXDirAdj() >= ReportPages.MARGIN - 0.5f && glyph.getXDirAdj() + glyph.getWidthDirAdj() <= right,
                    glyph.getUnicode() + " at " + glyph.getXDirAdj());
        }
        // The title's column is 3 of 5.2 shares: in the table, its characters lie within it, over several lines.
        float columnStart = ReportPages.MARGIN + ReportPages.WIDTH * 1.2f / 5.2f;
        float columnEnd = ReportPages.MARGIN + ReportPages.WIDTH * 4.2f / 5.2f;
        List<TextPosition> titleGlyphs = glyphs.stream().filter(g -> g.getFontSizeInPt() == ReportPages.TABLE_SIZE
                && g.getXDirAdj() > columnStart - 1 && g.getXDirAdj() < columnEnd).toList();
        assertEquals("作品标题".length() + title.length(), titleGlyphs.size(), "the heading and the whole title are in the column");
        titleGlyphs.forEach(g -> assertTrue(g.getXDirAdj() + g.getWidthDirAdj() <= columnEnd + 0.5f, g.getUnicode()));
        long titleLines = titleGlyphs.stream().map(TextPosition::getYDirAdj).distinct().count();
        assertTrue(titleLines >= 2, "the title is wrapped: " + titleLines + " line(s)");
        for (TextPosition glyph : glyphs) {
            if (glyph.getFontSizeInPt() == ReportPages.TABLE_SIZE && "K".equals(glyph.getUnicode())) {
                assertTrue(glyph.getXDirAdj() + glyph.getWidthDirAdj() <= columnStart + 0.5f,
                        "the serial is cut inside its own column");
            }
        }
    }

    @Test
    void aRowTallerThanAPageGoesOnOverTheNextWithNothingLost() throws IOException {
        String investigation = "经调查核实".repeat(700);
        List<String> pages = pageTexts(pdf(p -> p.table(COLUMNS, List.of(List.of("CODE001", investigation, "1")), 0)));
        assertTrue(pages.size() >= 2, "3,500 characters in one cell take more than a page");
        long found = pages.stream().mapToLong(page -> page.chars().filter(c -> c == '核').count()).sum();
        assertEquals(700, found, "every line of the cell is printed once");
        pages.forEach(page -> assertTrue(page.contains("作品标题"), "the header row comes again on the next page"));
    }

    @Test
    void aCharacterTheFaceLacksPrintsAsAQuestionMarkAndNothingFails() throws IOException {
        String page = pageTexts(pdf(p -> p.paragraph("作品《回家😀》\u0007结束"))).get(0);
        assertTrue(page.contains("作品《回家?》 结束"), page);
    }
}
