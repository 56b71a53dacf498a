package app.laurel.judging;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * Recomputes a ranking from an exported score sheet as a sceptical reader would: from the per-judge sheets (never
 * the summary) or the CSV, by the published definitions, with none of Laurel's code. The formulas are deliberately
 * written differently from {@link Ranker}'s (variance from sums, z from n·x − Σx, trimmed mean from the sum less
 * the extremes), so agreement means more than running the same code twice. Public for the integration tests.
 */
public final class IndependentRecount {

    private static final MathContext MC = MathContext.DECIMAL128;

    /** One scorecard as read back, in points; a criterion not scored is absent, a draft's total may be null. */
    public record Line(String code, String judge, Map<String, BigDecimal> points, BigDecimal total, boolean submitted) {
    }

    /** Everything a recount needs: the criteria in column order, which one breaks ties, and the scorecards. */
    public record Scores(List<String> criteria, String primaryCriterion, List<Line> lines) {
    }

    /** A recomputed place; entries sharing a rank are listed by code. */
    public record Place(int rank, String code, BigDecimal value) {
    }

    private IndependentRecount() {
    }

    public static List<Place> recountXlsx(InputStream xlsx, AggregationMethod method) throws IOException {
        return rank(readXlsx(xlsx), method);
    }

    public static List<Place> recountCsv(InputStream csv, AggregationMethod method, String primaryCriterion) throws IOException {
        return rank(readCsv(csv, primaryCriterion), method);
    }

    /** The per-judge sheets: row 1 names the judge and the primary criterion, row 2 heads the columns. */
    public static Scores readXlsx(InputStream xlsx) throws IOException {
        List<String> criteria = null;
        String primary = null;
        List<Line> lines = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(xlsx)) {
            for (int s = 1; s < book.getNumberOfSheets(); s++) { // sheet 0 is the summary: not evidence
                Sheet page = book.getSheetAt(s);
                String judge = page.getRow(0).getCell(1).getStringCellValue();
                String pagePrimary = page.getRow(0).getCell(3).getStringCellValue();
                Row head = page.getRow(1);
                int columns = head.getLastCellNum();
                List<String> pageCriteria = new ArrayList<>();
                for (int c = 1; c < columns - 2; c++) {
                    pageCriteria.add(head.getCell(c).getStringCellValue());
                }
                if (criteria != null && (!criteria.equals(pageCriteria) || !primary.equals(pagePrimary))) {
                    throw new IllegalStateException("sheet " + page.getSheetName() + " has other criteria");
                }
                criteria = pageCriteria;
                primary = pagePrimary;
                for (int r = 2; r <= page.getLastRowNum(); r++) {
                    Row row = page.getRow(r);
                    Map<String, BigDecimal> points = new LinkedHashMap<>();
                    for (int c = 1; c < columns - 2; c++) {
                        BigDecimal value = number(row.getCell(c));
                        if (value != null) {
                            points.put(criteria.get(c - 1), value);
                        }
                    }
                    lines.add(new Line(row.getCell(0).getStringCellValue(), judge, points,
                            number(row.getCell(columns - 2)), submitted(row.getCell(columns - 1).getStringCellValue())));
                }
            }
        }
        return new Scores(criteria == null ? List.of() : criteria, primary, lines);
    }

    /** The CSV: code, judge, one column per criterion, total, status; the primary criterion is not in it. */
    public static Scores readCsv(InputStream csv, String primaryCriterion) throws IOException {
        String text = new String(csv.readAllBytes(), StandardCharsets.UTF_8);
        List<List<String>> records = parseCsv(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<String> head = records.get(0);
        List<String> criteria = head.subList(2, head.size() - 2);
        List<Line> lines = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            for (int c = 0; c < criteria.size(); c++) {
                if (!record.get(c + 2).isEmpty()) {
                    points.put(criteria.get(c), new BigDecimal(record.get(c + 2)));
                }
            }
            String total = record.get(record.size() - 2);
            lines.add(new Line(record.get(0), record.get(1), points, total.isEmpty() ? null : new BigDecimal(total),
                    submitted(record.get(record.size() - 1))));
        }
        return new Scores(List.copyOf(criteria), primaryCriterion, lines);
    }

    /** The published definitions, applied to the submitted scorecards only. */
    public static List<Place> rank(Scores scores, AggregationMethod method) {
        if (!scores.criteria().contains(scores.primaryCriterion())) {
            throw new IllegalStateException("no criterion " + scores.primaryCriterion() + " to break ties by");
        }
        Map<String, List<BigDecimal>> byJudge = new HashMap<>();
        Map<String, List<Counted>> byEntry = new TreeMap<>();
        for (Line line : scores.lines()) {
            if (!line.submitted()) {
                continue;
            }
            BigDecimal total = BigDecimal.ZERO;
            for (String criterion : scores.criteria()) {
                BigDecimal score = line.points().get(criterion);
                if (score == null) {
                    throw new IllegalStateException(line.code() + "/" + line.judge() + " submitted without " + criterion);
                }
                total = total.add(score);
            }
            if (line.total() == null || line.total().compareTo(total) != 0) {
                throw new IllegalStateException(line.code() + "/" + line.judge() + ": total is not the sum of the scores");
            }
            byJudge.computeIfAbsent(line.judge(), j -> new ArrayList<>()).add(total);
            byEntry.computeIfAbsent(line.code(), c -> new ArrayList<>())
                    .add(new Counted(line.judge(), total, line.points().get(scores.primaryCriterion())));
        }
        List<Figures> figures = new ArrayList<>();
        byEntry.forEach((code, cards) -> {
            List<BigDecimal> totals = cards.stream().map(Counted::total).toList();
            BigDecimal value = switch (method) {
                case MEAN -> average(totals);
                case MEDIAN -> median(totals);
                case TRIMMED_MEAN -> trimmed(totals);
                case ZSCORE -> average(cards.stream().map(c -> z(c.total(), byJudge.get(c.judge()))).toList());
            };
            figures.add(new Figures(code, value, average(totals), average(cards.stream().map(Counted::primary).toList()),
                    totals.stream().max(Comparator.naturalOrder()).orElseThrow()));
        });
        Comparator<Figures> better = Comparator.comparing(Figures::value).thenComparing(Figures::mean)
                .thenComparing(Figures::primaryMean).thenComparing(Figures::highest).reversed();
        figures.sort(better.thenComparing(Figures::code));
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            boolean tied = i > 0 && better.compare(figures.get(i - 1), figures.get(i)) == 0;
            places.add(new Place(tied ? places.get(i - 1).rank() : i + 1, figures.get(i).code(), figures.get(i).value()));
        }
        return places;
    }

    private record Counted(String judge, BigDecimal total, BigDecimal primary) {
    }

    private record Figures(String code, BigDecimal value, BigDecimal mean, BigDecimal primaryMean, BigDecimal highest) {
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            sum = sum.add(v);
        }
        return sum;
    }

    private static BigDecimal average(List<BigDecimal> values) {
        return sum(values).divide(BigDecimal.valueOf(values.size()), MC);
    }

    private static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : average(List.of(sorted.get(n / 2 - 1), sorted.get(n / 2)));
    }

    /** From five totals on: the sum less exactly one highest and one lowest, over n − 2. */
    private static BigDecimal trimmed(List<BigDecimal> values) {
        if (values.size() < 5) {
            return average(values);
        }
        BigDecimal highest = values.stream().max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal lowest = values.stream().min(Comparator.naturalOrder()).orElseThrow();
        return sum(values).subtract(highest).subtract(lowest).divide(BigDecimal.valueOf(values.size() - 2L), MC);
    }

    /** z = (x − μ) / σ as (n·x − Σx) / (n·σ), σ² = (n·Σx² − (Σx)²) / n²: no rounded mean is subtracted. */
    private static BigDecimal z(BigDecimal x, List<BigDecimal> judgesTotals) {
        BigDecimal n = BigDecimal.valueOf(judgesTotals.size());
        BigDecimal sum = sum(judgesTotals);
        BigDecimal sumOfSquares = sum(judgesTotals.stream().map(t -> t.multiply(t)).toList());
        BigDecimal variance = n.multiply(sumOfSquares).subtract(sum.multiply(sum)).divide(n.multiply(n), MC);
        if (variance.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return n.multiply(x).subtract(sum).divide(n.multiply(variance.sqrt(MC)), MC);
    }

    private static BigDecimal number(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return BigDecimal.valueOf(cell.getNumericCellValue()); // a string cell throws: scores must be numbers
    }

    /** The status column in either language, as the bundles word it; anything else is not a status. */
    private static boolean submitted(String status) {
        for (Locale locale : List.of(Locale.ROOT, Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle("app.laurel.i18n.messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            if (status.equals(bundle.getString("scorecardStatus.SUBMITTED"))) {
                return true;
            }
            if (status.equals(bundle.getString("scorecardStatus.DRAFT"))) {
                return false;
            }
        }
        throw new IllegalStateException("not a scorecard status: " + status);
    }

    /** RFC 4180, strictly: every line ends in CRLF, a bare CR or LF outside quotes is an error. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else if (c == '\r' || c == '\n' || c == '"') {
                throw new IllegalStateException("not RFC 4180 at character " + i);
            } else {
                field.append(c);
            }
        }
        if (quoted || !field.isEmpty() || !record.isEmpty()) {
            throw new IllegalStateException("the last line does not end in CRLF");
        }
        return records;
    }
}
