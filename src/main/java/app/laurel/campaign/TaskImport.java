package app.laurel.campaign;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.time.Clocks;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a task list from an Excel workbook (.xlsx, first sheet) or a CSV file ({@link CsvRows}: UTF-8 with or without
 * a BOM, or GBK as Excel saves it on Chinese Windows). Row 1 is the header; blank rows are skipped. The columns:
 * <pre>
 * A 序号 (ignored)  B 具体任务  C 考核内容  D 责任科室 (several, as {@link Office#names} splits them)
 * E 目标比较 (≥ / = / ≤, or >= / <=; empty for no target)  F 目标数值  G 单位 (条, %, 分 …)  H 截止日期 (yyyy-MM-dd)
 * The target (E–G) is read by {@link Target#parse}, the same rule as the page's and the API's.
 * </pre>
 * Every bad row is reported with its spreadsheet row number, and the result is all or nothing: {@link Result#errors()}
 * non-empty means the caller imports none of it.
 */
public final class TaskImport {

    public static final int MAX_ROWS = 500;
    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日")};

    /** {@link Target#of}'s refusals as a row's: the same rule, said with the row number. */
    private static final Map<String, String> ROW_KEYS = Map.of(
            "campaign.task.noComparison", "campaign.import.noComparison",
            "campaign.task.badComparison", "campaign.import.badComparison",
            "campaign.task.noTarget", "campaign.import.noTarget",
            "campaign.task.targetNotNumber", "campaign.import.badTarget",
            "campaign.task.targetRange", "campaign.import.targetRange",
            "validation.length", "campaign.import.unitTooLong");

    /** The tasks read, in order, or the errors found: row keys carry the row number as their first argument. */
    public record Result(List<TaskDraft> drafts, List<FieldError> errors) {
    }

    private TaskImport() {
    }

    public static Result read(String fileName, byte[] content, Set<String> offices) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<String[]> rows;
        if (name.endsWith(".xlsx")) {
            rows = xlsxRows(content);
        } else if (name.endsWith(".csv")) {
            rows = CsvRows.read(content);
        } else {
            throw InvalidInputException.of("file", "campaign.import.format");
        }
        return rows(rows, offices);
    }

    /** Checks rows already split into cells; the first is the header. Public for tests of the row rules. */
    public static Result rows(List<String[]> rows, Set<String> offices) {
        List<TaskDraft> drafts = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        if (rows.size() - 1 > MAX_ROWS) {
            throw InvalidInputException.of("file", "campaign.import.tooManyRows", MAX_ROWS);
        }
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = Arrays.copyOf(rows.get(i), 8);
            if (Arrays.stream(cells).allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            int rowNo = i + 1;
            int before = errors.size();
            String text = cell(cells, 1);
            String evidence = cell(cells, 2);
            if (text.isEmpty()) {
                errors.add(new FieldError("row" + rowNo, "campaign.import.noText", rowNo));
            } else if (text.length() > TaskDraft.MAX_TEXT) {
                errors.add(new FieldError("row" + rowNo, "campaign.import.textTooLong", rowNo, TaskDraft.MAX_TEXT));
            }
            if (evidence.isEmpty() || evidence.length() > TaskDraft.MAX_EVIDENCE) {
                errors.add(new FieldError("row" + rowNo, "campaign.import.noEvidence", rowNo, TaskDraft.MAX_EVIDENCE));
            }
            List<String> officeNames = Office.names(cell(cells, 3));
            if (officeNames.isEmpty()) {
                errors.add(new FieldError("row" + rowNo, "campaign.import.noOffice", rowNo));
            }
            for (String office : officeNames) {
                if (!offices.contains(office)) {
                    errors.add(new FieldError("row" + rowNo, "campaign.import.unknownOffice", rowNo, office));
                }
            }
            Target target = target(cells, rowNo, errors);
            Instant due = due(cell(cells, 7), rowNo, errors);
            if (errors.size() == before) {
                drafts.add(new TaskDraft(text, evidence, officeNames, target, due));
            }
        }
        if (drafts.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("file", "campaign.import.empty"));
        }
        return new Result(errors.isEmpty() ? List.copyOf(drafts) : List.of(), List.copyOf(errors));
    }

    /** The end of a due day in China Standard Time: "due 2020-11-02" means the whole of that day still counts. */
    public static Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(Clocks.ZONE).toInstant().minusMillis(1);
    }

    /** The row's target by {@link Target#parse}, its refusals said with the row number first. */
    private static Target target(String[] cells, int rowNo, List<FieldError> errors) {
        try {
            return Target.parse(cell(cells, 4), cell(cells, 5), cell(cells, 6)).orElse(null);
        } catch (InvalidInputException refused) {
            for (FieldError error : refused.errors()) {
                Object[] args = new Object[error.args().length + 1];
                args[0] = rowNo;
                System.arraycopy(error.args(), 0, args, 1, error.args().length);
                errors.add(new FieldError("row" + rowNo, ROW_KEYS.getOrDefault(error.messageKey(), "campaign.import.badTarget"),
                        args));
            }
            return null;
        }
    }

    private static Instant due(String text, int rowNo, List<FieldError> errors) {
        if (text.isEmpty()) {
            errors.add(new FieldError("row" + rowNo, "campaign.import.noDue", rowNo));
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return endOfDay(LocalDate.parse(text, format));
            } catch (DateTimeParseException e) {
                // try the next way people write dates
            }
        }
        errors.add(new FieldError("row" + rowNo, "campaign.import.badDue", rowNo, text));
        return null;
    }

    private static String cell(String[] cells, int i) {
        return cells[i] == null ? "" : cells[i].strip();
    }

    private static List<String[]> xlsxRows(byte[] content) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            List<String[]> rows = new ArrayList<>();
            int last = sheet.getLastRowNum();
            if (last > MAX_ROWS + 1) {
                throw InvalidInputException.of("file", "campaign.import.tooManyRows", MAX_ROWS);
            }
            for (int r = 0; r <= last; r++) {
                Row row = sheet.getRow(r);
                String[] cells = new String[8];
                for (int c = 0; row != null && c < 8; c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        continue;
                    }
                    if (c == 7 && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells[c] = cell.getLocalDateTimeCellValue().toLocalDate().toString();
                    } else {
                        cells[c] = formatter.formatCellValue(cell);
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw InvalidInputException.of("file", "campaign.import.unreadable");
        }
    }

    /** Reads an uploaded sheet, refusing one over {@code max} bytes before holding more than that. */
    public static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw InvalidInputException.of("file", "campaign.import.tooLarge", max / 1024);
        }
        return bytes;
    }
}
