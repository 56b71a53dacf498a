package app.laurel.platform.audit;

import app.laurel.platform.i18n.Messages;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * The filtered audit log as an Excel workbook, streamed: lines are read a slice at a time and written through POI's
 * SXSSF, which keeps only a window of rows in memory, so a contest's million lines never sit in the heap at once.
 * A sheet holds at most {@link #ROWS_PER_SHEET} lines; more go on to the next sheet.
 */
public final class AuditExport {

    static final int ROWS_PER_SHEET = 1_000_000;
    private static final int SLICE = 1_000;
    private static final String[] HEAD = {"audit.column.time", "audit.column.account", "audit.column.action",
            "audit.column.actionCode", "audit.column.contest", "audit.column.subject", "audit.column.detail",
            "audit.column.before", "audit.column.after"};

    private AuditExport() {
    }

    public static void write(AuditLog log, AuditFilter filter, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) { // close() also deletes SXSSF's temporary files
            book.setCompressTempFiles(true);
            Sheet sheet = null;
            int r = 0;
            AuditEvent last = null;
            for (List<AuditEvent> slice = log.slice(filter, null, SLICE); !slice.isEmpty(); slice = log.slice(filter, last, SLICE)) {
                for (AuditEvent e : slice) {
                    if (sheet == null || r > ROWS_PER_SHEET) {
                        sheet = sheet(book, locale);
                        r = 1;
                    }
                    Row row = sheet.createRow(r++);
                    String[] values = {AuditTrail.exactly(e.getOccurredAt()), e.getActor(), AuditTrail.label(locale, e.getAction()),
                            e.getAction(), e.getContestCode(), e.getSubject(), e.getDetail(), e.getBeforeValue(), e.getAfterValue()};
                    for (int i = 0; i < values.length; i++) {
                        row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
                    }
                }
                last = slice.get(slice.size() - 1);
            }
            if (sheet == null) {
                sheet(book, locale); // an empty log is a valid workbook with its header
            }
            book.write(out);
        }
    }

    private static Sheet sheet(SXSSFWorkbook book, Locale locale) {
        int n = book.getNumberOfSheets();
        Sheet sheet = book.createSheet(Messages.text(locale, "audit.export.sheet") + (n == 0 ? "" : " " + (n + 1)));
        Row header = sheet.createRow(0);
        for (int i = 0; i < HEAD.length; i++) {
            header.createCell(i).setCellValue(Messages.text(locale, HEAD[i]));
            sheet.setColumnWidth(i, (i >= 6 ? 40 : 18) * 256);
        }
        return sheet;
    }
}
