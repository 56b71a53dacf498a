package app.laurel.judging;

import app.laurel.platform.i18n.Messages;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a round's score sheet for organisers and for anyone who checks a published ranking. The Excel file has the
 * summary sheet first (the ranking with each judge's total, and for the organiser each entry's title and unit and
 * each judge's name) and then one sheet per judge with every scorecard; the per-judge sheets alone are enough to
 * recompute the ranking. The CSV has one line per scorecard by code and username and nothing else, so that a
 * program can read it. Points, not half points; labels from the bundle; the streams given are
 * flushed but not closed.
 */
public final class ScoreSheetExport {

    /** Excel forbids these in sheet names; the apostrophe only at the ends, but a name cut short may end with it. */
    private static final String NOT_IN_SHEET_NAMES = "[\\[\\]:*?/\\\\']";
    private static final int SHEET_NAME_LENGTH = 31;
    /** Excel reserves "History" whatever its case. */
    private static final String RESERVED_SHEET_NAME = "history";
    /** Rows kept in memory per sheet before SXSSF writes them out. */
    private static final int ROW_WINDOW = 200;

    private ScoreSheetExport() {
    }

    public static void writeXlsx(ScoreSheet sheet, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(ROW_WINDOW)) { // close() also deletes SXSSF's temporary files
            Styles styles = new Styles(book);
            String summaryName = text(locale, "export.summary");
            Set<String> taken = new HashSet<>(Set.of(RESERVED_SHEET_NAME, summaryName.toLowerCase(Locale.ROOT)));
            Sheet summary = book.createSheet(summaryName);
            ScoreGrid grid = sheet.grid();
            int[] byJudge = grid.byJudgeThenCode();
            int next = 0;
            for (int j = 0; j < sheet.judges().size(); j++) {
                String judge = sheet.judges().get(j);
                SXSSFSheet page = book.createSheet(sheetName(judge, taken));
                int end = next;
                while (end < byJudge.length && grid.judge(byJudge[end]) == j) {
                    end++;
                }
                writeJudge(page, judge, sheet, java.util.Arrays.copyOfRange(byJudge, next, end), locale, styles);
                // Done with this judge: out to SXSSF's file, so that memory holds one judge's rows at most.
                page.flushRows();
                next = end;
            }
            writeSummary(summary, sheet, locale, styles);
            book.write(out);
        }
        out.flush();
    }

    /** UTF-8 with a byte order mark, so that Excel reads the Chinese right. */
    public static void writeCsv(ScoreSheet sheet, Locale locale, OutputStream out) throws IOException {
        writeCsv(sheet, locale, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }

    /** Starts with a byte order mark, which is right only if the writer encodes UTF-8. */
    public static void writeCsv(ScoreSheet sheet, Locale locale, Writer out) throws IOException {
        out.write('\uFEFF');
        List<String> head = new ArrayList<>(List.of(text(locale, "export.code"), text(locale, "export.judge")));
        sheet.criteria().forEach(c -> head.add(c.name()));
        head.addAll(List.of(text(locale, "export.total"), text(locale, "export.status")));
        csvLine(out, head);
        ScoreGrid grid = sheet.grid();
        for (int card : grid.byCodeThenJudge()) {
            List<String> line = new ArrayList<>(List.of(grid.code(card), grid.judgeName(card)));
            for (int c = 0; c < sheet.criteria().size(); c++) {
                line.add(points(grid.halfPoints(card, c)));
            }
            line.addAll(List.of(points(grid.total(card)), status(locale, grid.submitted(card))));
            csvLine(out, line);
        }
        out.flush();
    }

    private static void writeSummary(Sheet summary, ScoreSheet sheet, Locale locale, Styles styles) {
        Row title = summary.createRow(0);
        labelled(title, 0, text(locale, "export.contest"), sheet.contestTitle(), styles);
        labelled(title, 2, text(locale, "export.round"), sheet.roundName(), styles);
        Row rules = summary.createRow(1);
        labelled(rules, 0, text(locale, "export.method"), methodName(locale, sheet.method()), styles);
        labelled(rules, 2, text(locale, "export.selectCount"), null, styles);
        rules.createCell(3).setCellValue(sheet.selectCount());
        if (sheet.cutNote() != null) {
            labelled(rules, 4, text(locale, "export.cut"), sheet.cutNote(), styles);
        }

        List<String> head = new ArrayList<>(List.of(text(locale, "export.rank"), text(locale, "export.code")));
        sheet.judges().forEach(j -> head.add(sheet.judgeLabel(j)));
        head.addAll(List.of(text(locale, "export.scoreCount"), text(locale, "export.mean"), text(locale, "export.value"),
                text(locale, "export.valueDisplay"), text(locale, "export.selected")));
        if (!sheet.entries().isEmpty()) { // after the figures, so their columns stay where a reader expects them
            head.addAll(List.of(text(locale, "export.title"), text(locale, "export.unit")));
        }
        header(summary.createRow(2), head, styles);

        // Each entry's cards are consecutive in code order: where they start, by round entry id.
        ScoreGrid grid = sheet.grid();
        int[] byCode = grid.byCodeThenJudge();
        Map<Long, Integer> firstCard = new HashMap<>();
        for (int i = byCode.length - 1; i >= 0; i--) {
            firstCard.put(grid.entryId(byCode[i]), i);
        }
        int judges = sheet.judges().size();
        int r = 3;
        for (RankedEntry entry : sheet.ranking().order()) {
            Row row = summary.createRow(r++);
            int col = 0;
            row.createCell(col++).setCellValue(entry.rank());
            row.createCell(col++).setCellValue(sheet.codes().get(entry.entryId()));
            Integer first = firstCard.get(entry.entryId());
            for (int i = first == null ? byCode.length : first; i < byCode.length && grid.entryId(byCode[i]) == entry.entryId(); i++) {
                if (grid.submitted(byCode[i])) {
                    number(row, col + grid.judge(byCode[i]), grid.total(byCode[i]));
                }
            }
            col += judges;
            row.createCell(col++).setCellValue(entry.scoreCount());
            decimal(row, col++, entry.plainMean(), styles.twoDecimals);
            decimal(row, col++, entry.value(), styles.tenDecimals);
            decimal(row, col++, entry.displayValue(), styles.twoDecimals);
            row.createCell(col++).setCellValue(text(locale, sheet.ranking().isSelected(entry) ? "export.yes" : "export.no"));
            ScoreSheet.EntryLabel label = sheet.entries().get(entry.entryId());
            if (label != null) {
                row.createCell(col++).setCellValue(label.title());
                row.createCell(col).setCellValue(label.unit() == null ? text(locale, "round.citizenEntry") : label.unit());
            }
        }
        summary.createFreezePane(2, 3);
        summary.setDefaultColumnWidth(12);
    }

    private static void writeJudge(Sheet page, String judge, ScoreSheet sheet, int[] cards, Locale locale, Styles styles) {
        Row who = page.createRow(0);
        labelled(who, 0, text(locale, "export.judge"), judge, styles); // the sheet's name may have had to change
        labelled(who, 2, text(locale, "export.primary"), new Rubric(sheet.criteria()).primary().name(), styles);
        if (sheet.judgeNames().containsKey(judge)) {
            labelled(who, 4, text(locale, "export.judgeName"), sheet.judgeNames().get(judge), styles);
        }
        List<String> head = new ArrayList<>(List.of(text(locale, "export.code")));
        sheet.criteria().forEach(c -> head.add(c.name()));
        head.addAll(List.of(text(locale, "export.total"), text(locale, "export.status")));
        header(page.createRow(1), head, styles);

        ScoreGrid grid = sheet.grid();
        int r = 2;
        for (int card : cards) {
            Row row = page.createRow(r++);
            int col = 0;
            row.createCell(col++).setCellValue(grid.code(card));
            for (int c = 0; c < sheet.criteria().size(); c++) {
                number(row, col++, grid.halfPoints(card, c));
            }
            number(row, col++, grid.total(card));
            row.createCell(col).setCellValue(status(locale, grid.submitted(card)));
        }
        page.createFreezePane(1, 2);
        page.setDefaultColumnWidth(12);
    }

    /** A judge's username as a sheet name Excel accepts, unique without regard to case among those taken. */
    static String sheetName(String judge, Set<String> taken) {
        String base = judge.replaceAll(NOT_IN_SHEET_NAMES, "_");
        base = base.isBlank() ? "_" : base;
        String name = cut(base, SHEET_NAME_LENGTH);
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "~" + n;
            name = cut(base, SHEET_NAME_LENGTH - suffix.length()) + suffix;
        }
        return name;
    }

    private static String cut(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length);
    }

    private static void labelled(Row row, int col, String label, String value, Styles styles) {
        Cell cell = row.createCell(col);
        cell.setCellValue(label);
        cell.setCellStyle(styles.bold);
        if (value != null) {
            row.createCell(col + 1).setCellValue(value);
        }
    }

    private static void header(Row row, List<String> labels, Styles styles) {
        for (int i = 0; i < labels.size(); i++) {
            labelled(row, i, labels.get(i), null, styles);
        }
    }

    /** Half points as a number of points; a missing score stays a blank cell, not a zero. */
    private static void number(Row row, int col, Integer halfPoints) {
        if (halfPoints != null) {
            row.createCell(col).setCellValue(halfPoints / 2.0); // exact: a half is a binary fraction
        }
    }

    /** A number Excel can compute with: a double's 15 digits are plenty for a check to ten decimals. */
    private static void decimal(Row row, int col, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    /** 27.5, 28: half points as plain decimal text, the same in every locale. */
    private static String points(Integer halfPoints) {
        return halfPoints == null ? "" : BigDecimal.valueOf(halfPoints * 5L, 1).stripTrailingZeros().toPlainString();
    }

    private static String status(Locale locale, boolean submitted) {
        return text(locale, submitted ? "scorecardStatus.SUBMITTED" : "scorecardStatus.DRAFT");
    }

    private static String methodName(Locale locale, AggregationMethod method) {
        String key = switch (method) {
            case MEAN -> "export.method.MEAN";
            case TRIMMED_MEAN -> "export.method.TRIMMED_MEAN";
            case MEDIAN -> "export.method.MEDIAN";
            case ZSCORE -> "export.method.ZSCORE";
        };
        return text(locale, key) + " (" + method.name() + ")";
    }

    private static String text(Locale locale, String key) {
        return Messages.text(locale, key);
    }

    /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; lines end in CRLF. */
    private static void csvLine(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (i > 0) {
                out.write(',');
            }
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0) {
                out.write('"' + field.replace("\"", "\"\"") + '"');
            } else {
                out.write(field);
            }
        }
        out.write("\r\n");
    }

    /** Cell styles are per workbook and limited in number, so each is made once. */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle twoDecimals;
        final CellStyle tenDecimals;

        Styles(SXSSFWorkbook book) {
            Font font = book.createFont();
            font.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(font);
            twoDecimals = book.createCellStyle();
            twoDecimals.setDataFormat(book.createDataFormat().getFormat("0.00"));
            tenDecimals = book.createCellStyle();
            tenDecimals.setDataFormat(book.createDataFormat().getFormat("0.0000000000"));
        }
    }
}
