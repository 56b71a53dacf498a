package app.laurel.platform.sheet;

import app.laurel.platform.error.InvalidInputException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an uploaded sheet (.xlsx, first sheet, or .csv by {@link CsvRows}) into rows of text cells, as the clerks'
 * imports need it: every cell as Excel shows it, a date cell as yyyy-MM-dd whatever its display format. The refusals
 * are the importing feature's own messages: {@code <keys>.format}, {@code .unreadable}, {@code .tooManyRows} (with
 * the limit) and {@code .tooLarge} (in KB), so each import speaks of what it imports.
 */
public final class SheetRows {

    private SheetRows() {
    }

    /** The rows of the file, header first; refuses a file that is neither .xlsx nor .csv by its name. */
    public static List<String[]> read(String fileName, byte[] content, int columns, int maxRows, String keys) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<String[]> rows;
        if (name.endsWith(".xlsx")) {
            rows = xlsxRows(content, columns, maxRows, keys);
        } else if (name.endsWith(".csv")) {
            rows = CsvRows.read(content);
        } else {
            throw InvalidInputException.of("file", keys + ".format");
        }
        if (rows.size() - 1 > maxRows) {
            throw InvalidInputException.of("file", keys + ".tooManyRows", maxRows);
        }
        return rows;
    }

    /** Reads an uploaded sheet, refusing one over {@code max} bytes before holding more than that. */
    public static byte[] readAtMost(InputStream in, int max, String keys) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw InvalidInputException.of("file", keys + ".tooLarge", max / 1024);
        }
        return bytes;
    }

    private static List<String[]> xlsxRows(byte[] content, int columns, int maxRows, String keys) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            List<String[]> rows = new ArrayList<>();
            int last = sheet.getLastRowNum();
            if (last > maxRows + 1) {
                throw InvalidInputException.of("file", keys + ".tooManyRows", maxRows);
            }
            for (int r = 0; r <= last; r++) {
                Row row = sheet.getRow(r);
                String[] cells = new String[columns];
                for (int c = 0; row != null && c < columns; c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        continue;
                    }
                    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells[c] = cell.getLocalDateTimeCellValue().toLocalDate().toString();
                    } else {
                        cells[c] = formatter.formatCellValue(cell);
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (InvalidInputException invalid) {
            throw invalid;
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("file", keys + ".unreadable");
        }
    }
}
