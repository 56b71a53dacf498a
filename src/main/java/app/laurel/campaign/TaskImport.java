package app.laurel.campaign;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.sheet.SheetRows;
import app.laurel.platform.time.Clocks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a task list from an Excel workbook (.xlsx, first sheet) or a CSV file ({@link SheetRows}: UTF-8 with or
 * without a BOM, or GBK as Excel saves it on Chinese Windows). Row 1 is the header; blank rows are skipped. The columns:
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
        return rows(SheetRows.read(fileName, content, 8, MAX_ROWS, "campaign.import"), offices);
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
}
