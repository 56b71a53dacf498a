package app.laurel.submission;

import app.laurel.platform.i18n.Messages;
import app.laurel.platform.time.Clocks;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * One streamed Excel sheet of a contest export: a bold header row of labels from the bundle, then one row per
 * {@link #row} call; SXSSF writes rows past its window out to its own temporary file, so 40,000 rows cost no more
 * memory than 200. Instants become date cells in Beijing time, booleans 是/否, null a blank cell. An export of nothing
 * is the header row alone: still a valid workbook.
 */
final class ExportSheet implements AutoCloseable {

    private static final int ROW_WINDOW = 200;

    private final SXSSFWorkbook book = new SXSSFWorkbook(ROW_WINDOW);
    private final Sheet sheet;
    private final Locale locale;
    private final CellStyle date;
    private int next;

    /** {@code columns}: bundle keys of the header labels; {@code widths}: each column's width in characters. */
    ExportSheet(Locale locale, String nameKey, List<String> columns, List<Integer> widths) {
        this.locale = locale;
        this.sheet = book.createSheet(Messages.text(locale, nameKey));
        Font font = book.createFont();
        font.setBold(true);
        CellStyle bold = book.createCellStyle();
        bold.setFont(font);
        date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        Row header = sheet.createRow(next++);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(Messages.text(locale, columns.get(i)));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, widths.get(i) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    void row(Object... values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean yes) {
                cell.setCellValue(Messages.text(locale, yes ? "export.yes" : "export.no"));
            } else if (value instanceof Instant instant) {
                cell.setCellValue(LocalDateTime.ofInstant(instant, Clocks.ZONE));
                cell.setCellStyle(date);
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    String text(String key) {
        return Messages.text(locale, key);
    }

    /** Writes the workbook; the stream is flushed, not closed. */
    void write(OutputStream out) throws IOException {
        book.write(out);
        out.flush();
    }

    /** Deletes SXSSF's temporary files. */
    @Override
    public void close() throws IOException {
        book.close();
    }
}
