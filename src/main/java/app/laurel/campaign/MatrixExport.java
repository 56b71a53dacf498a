package app.laurel.campaign;

import app.laurel.platform.i18n.Messages;
import app.laurel.platform.time.Clocks;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The progress matrix as an Excel workbook: one row per unit with each task's status (and the value reported where the
 * task has a target, marked when it misses it) and the unit's completion; a second sheet with completion per office.
 * Streamed (SXSSF): rows past the window go to POI's temporary file, so a county's thousand schools cost no more
 * memory than a hundred; the stream given is flushed, not closed.
 */
public final class MatrixExport {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.ZONE);

    /** Rows kept in memory per sheet before SXSSF writes them out. */
    private static final int ROW_WINDOW = 100;

    private MatrixExport() {
    }

    public static void write(String title, ProgressMatrix matrix, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(ROW_WINDOW)) { // close() also deletes SXSSF's temporary files
            Sheet sheet = book.createSheet(Messages.text(locale, "campaign.export.sheet"));
            sheet.createRow(0).createCell(0).setCellValue(title);
            Row header = sheet.createRow(1);
            Row due = sheet.createRow(2);
            header.createCell(0).setCellValue(Messages.text(locale, "campaign.export.unit"));
            due.createCell(0).setCellValue(Messages.text(locale, "campaign.export.due"));
            int c = 1;
            for (ProgressMatrix.Column column : matrix.columns()) {
                header.createCell(c).setCellValue(column.seq() + ". " + column.text()
                        + (column.target().isEmpty() ? "" : " (" + column.target() + ")"));
                due.createCell(c).setCellValue(DUE.format(column.due()) + " · " + column.offices());
                c++;
            }
            header.createCell(c).setCellValue(Messages.text(locale, "campaign.export.completion"));
            int r = 3;
            for (ProgressMatrix.Line line : matrix.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.unitName());
                int i = 1;
                for (ProgressMatrix.Cell cell : line.cells()) {
                    String text = Messages.text(locale, "cellStatus." + cell.status());
                    if (cell.value() != null) {
                        text += " " + cell.value().stripTrailingZeros().toPlainString()
                                + (cell.belowTarget() ? " " + Messages.text(locale, "campaign.report.belowTarget") : "");
                    }
                    row.createCell(i++).setCellValue(text);
                }
                row.createCell(i).setCellValue(line.done() + "/" + line.total() + " (" + line.percent() + "%)");
            }
            sheet.setColumnWidth(0, 24 * 256);
            for (int i = 1; i <= matrix.columns().size() + 1; i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            Sheet offices = book.createSheet(Messages.text(locale, "campaign.export.officeSheet"));
            Row head = offices.createRow(0);
            head.createCell(0).setCellValue(Messages.text(locale, "campaign.export.office"));
            head.createCell(1).setCellValue(Messages.text(locale, "campaign.export.done"));
            head.createCell(2).setCellValue(Messages.text(locale, "campaign.export.total"));
            head.createCell(3).setCellValue(Messages.text(locale, "campaign.export.completion"));
            int o = 1;
            for (ProgressMatrix.OfficeCompletion office : matrix.offices()) {
                Row row = offices.createRow(o++);
                row.createCell(0).setCellValue(office.name());
                row.createCell(1).setCellValue(office.done());
                row.createCell(2).setCellValue(office.total());
                row.createCell(3).setCellValue(office.percent() + "%");
            }
            offices.setColumnWidth(0, 16 * 256);
            book.write(out);
        }
        out.flush();
    }
}
