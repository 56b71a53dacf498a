package app.laurel.publication;

import app.laurel.platform.i18n.Messages;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The prize list for finance as an Excel workbook: one row per prize with the work, level, amount, payee and full
 * bank details (finance needs them; the page masks them), status, date and reference, and the total at the end.
 */
public final class PrizeExport {

    private PrizeExport() {
    }

    public static void write(List<Prize> prizes, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(Messages.text(locale, "prize.export.sheet"));
            String[] head = {"prize.export.receipt", "prize.export.work", "prize.export.level", "prize.export.amount",
                    "prize.export.payeeType", "prize.export.payee", "prize.export.bank", "prize.export.account",
                    "prize.export.status", "prize.export.paidOn", "prize.export.reference"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                header.createCell(i).setCellValue(Messages.text(locale, head[i]));
            }
            BigDecimal total = BigDecimal.ZERO;
            int r = 1;
            for (Prize p : prizes) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.getEntry().getReceiptNo());
                row.createCell(1).setCellValue(p.getEntry().getTitle());
                row.createCell(2).setCellValue(p.getLevel().getName());
                row.createCell(3).setCellValue(p.getLevel().getAmount().doubleValue());
                row.createCell(4).setCellValue(Messages.text(locale, "payeeType." + p.getPayeeType()));
                row.createCell(5).setCellValue(p.getPayeeName());
                row.createCell(6).setCellValue(p.getBankName() == null ? "" : p.getBankName());
                row.createCell(7).setCellValue(p.getAccountNo() == null ? "" : p.getAccountNo());
                row.createCell(8).setCellValue(Messages.text(locale, "prizeStatus." + p.getStatus()));
                row.createCell(9).setCellValue(p.getPaidOn() == null ? "" : p.getPaidOn().toString());
                row.createCell(10).setCellValue(p.getReference() == null ? "" : p.getReference());
                total = total.add(p.getLevel().getAmount());
            }
            Row sum = sheet.createRow(r);
            sum.createCell(2).setCellValue(Messages.text(locale, "prize.export.total"));
            sum.createCell(3).setCellValue(total.doubleValue());
            for (int i = 0; i < head.length; i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }
            book.write(out);
        }
    }
}
