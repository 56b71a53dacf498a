package app.laurel.judging;

import app.laurel.judging.IndependentRecount.Line;
import app.laurel.judging.IndependentRecount.Place;
import app.laurel.judging.ScoreSheet.Card;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exported score sheet must let anyone recompute the ranking: for every method and both languages, a recount
 * written from the published definitions, reading only the per-judge sheets (or the CSV), must give Ranker's
 * order, ranks and values, and the summary must show them.
 */
class ScoreSheetExportTest {

    private static final String PRIMARY = "思想性";
    private static final List<Criterion> CRITERIA = List.of(new Criterion(PRIMARY, 30, true),
            new Criterion("艺术性", 30, false), new Criterion("创新性", 20, false), new Criterion("结构,语言", 20, false));
    /** The last two are 32 characters long and the same for 31: their sheet names must be cut and told apart. */
    private static final List<String> JUDGES = List.of("wang.li", "zhang_wei", "chen.jing",
            "a.very.long.judge.username.1234x", "a.very.long.judge.username.1234y");
    private static final int SELECT = 3;

    /** Code, judge (1 to 5), points on the four criteria, and "draft" for a card not submitted. */
    private static final String[] CARDS = {
            // 001: one harsh judge (60), which the trimmed mean and the median forgive and the mean does not.
            "R1-001 1 24 24 16 16", "R1-001 2 25.5 25.5 17 17", "R1-001 3 24.5 24.5 16.5 16.5",
            "R1-001 4 25 25 17 17", "R1-001 5 18 18 12 12",
            // 002: judge 2's 50 is a draft; counted, it would pull the mean from 87.25 down to 79.8.
            "R1-002 1 27 27 18 18", "R1-002 2 15 15 10 10 draft", "R1-002 3 26.5 26.5 17.5 17.5",
            "R1-002 4 26 26 17 17", "R1-002 5 25.5 25.5 17 17",
            // 003 and 004: each judge gives both the same total, so they are equal on every method and on the
            // plain mean; 003 is higher on the primary criterion.
            "R1-003 1 24 22 16 16", "R1-003 2 25 23 16 16", "R1-003 3 24.5 22.5 16 16",
            "R1-003 4 25 24 16 16", "R1-003 5 29 28 19 19",
            "R1-004 1 22 24 16 16", "R1-004 2 23 25 16 16", "R1-004 3 22.5 24.5 16 16",
            "R1-004 4 24 25 16 16", "R1-004 5 28 29 19 19",
            // 005 and 006: the same totals and the same primary scores from each judge: a shared rank.
            "R1-005 1 21 21 14 14", "R1-005 2 21.5 21.5 14.5 14.5", "R1-005 3 21 22 14 14",
            "R1-005 4 20.5 20.5 14 14", "R1-005 5 27 27 18 18",
            "R1-006 1 21 20 15 14", "R1-006 2 21.5 22.5 14 14", "R1-006 3 21 21 15 14",
            "R1-006 4 20.5 19.5 15 14", "R1-006 5 27 26 18.5 18.5",
    };

    @ParameterizedTest
    @EnumSource(AggregationMethod.class)
    void anIndependentRecountOfTheExportGivesRankersRanking(AggregationMethod method) throws IOException {
        ScoreSheet sheet = sheet(method);
        List<Place> expected = sheet.ranking().order().stream()
                .map(e -> new Place(e.rank(), sheet.codes().get(e.entryId()), e.value())).toList();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            byte[] xlsx = xlsx(sheet, locale);
            assertSamePlaces(expected, IndependentRecount.recountXlsx(new ByteArrayInputStream(xlsx), method));
            assertSummary(sheet, locale, xlsx);
            byte[] csv = csv(sheet, locale);
            assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3));
            assertSamePlaces(expected, IndependentRecount.recountCsv(new ByteArrayInputStream(csv), method, PRIMARY));
        }
    }

    @Test
    void theSheetExercisesTheDraftTheTieBreakAndTheSharedRank() throws IOException {
        assertEquals("1 R1-002, 2 R1-003, 3 R1-004, 4 R1-001, 5 R1-005, 5 R1-006", recounted(AggregationMethod.MEAN));
        assertEquals("1 R1-002, 2 R1-001, 3 R1-003, 4 R1-004, 5 R1-005, 5 R1-006", recounted(AggregationMethod.TRIMMED_MEAN));
        assertEquals("1 R1-002, 2 R1-001, 3 R1-003, 4 R1-004, 5 R1-005, 5 R1-006", recounted(AggregationMethod.MEDIAN));
        byte[] xlsx = xlsx(sheet(AggregationMethod.MEAN), Locale.SIMPLIFIED_CHINESE);
        Place first = IndependentRecount.recountXlsx(new ByteArrayInputStream(xlsx), AggregationMethod.MEAN).get(0);
        assertEquals(0, new BigDecimal("87.25").compareTo(first.value()), "the draft must not count");
    }

    @Test
    void eachJudgesSheetHoldsTheirCardsAsGiven() throws IOException {
        byte[] xlsx = xlsx(sheet(AggregationMethod.MEAN), Locale.SIMPLIFIED_CHINESE);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = IntStream.range(0, book.getNumberOfSheets()).mapToObj(book::getSheetName).toList();
            assertEquals(List.of("汇总", "wang.li", "zhang_wei", "chen.jing", "a.very.long.judge.username.1234",
                    "a.very.long.judge.username.12~2"), names);
        }
        IndependentRecount.Scores read = IndependentRecount.readXlsx(new ByteArrayInputStream(xlsx));
        assertEquals(PRIMARY, read.primaryCriterion());
        assertEquals(CRITERIA.stream().map(Criterion::name).toList(), read.criteria());
        List<String> given = new ArrayList<>();
        for (String card : CARDS) {
            String[] f = card.split(" ");
            given.add(f[0] + " " + JUDGES.get(Integer.parseInt(f[1]) - 1) + " " + String.join(" ", List.of(f).subList(2, 6))
                    + (f.length > 6 ? " draft" : ""));
        }
        List<String> exported = new ArrayList<>();
        for (Line line : read.lines()) {
            assertEquals(line.submitted(), line.total() != null, "a draft has no total, a submitted card has one");
            exported.add(line.code() + " " + line.judge() + " " + String.join(" ", line.points().values().stream()
                    .map(p -> p.stripTrailingZeros().toPlainString()).toList()) + (line.submitted() ? "" : " draft"));
        }
        assertEquals(given.stream().sorted().toList(), exported.stream().sorted().toList());
    }

    @Test
    void labelsFollowTheLocale() throws IOException {
        ScoreSheet sheet = sheet(AggregationMethod.TRIMMED_MEAN);
        String chinese = new String(csv(sheet, Locale.SIMPLIFIED_CHINESE), StandardCharsets.UTF_8);
        assertTrue(chinese.startsWith("\uFEFF作品编号,评委,思想性,艺术性,创新性,\"结构,语言\",总分,状态\r\n"), chinese);
        assertTrue(chinese.contains("\r\nR1-002,zhang_wei,15,15,10,10,,未提交\r\n"), chinese);
        String english = new String(csv(sheet, Locale.ENGLISH), StandardCharsets.UTF_8);
        assertTrue(english.startsWith("\uFEFFEntry code,Judge,思想性,艺术性,创新性,\"结构,语言\",Total,Status\r\n"), english);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(sheet, Locale.ENGLISH)))) {
            assertEquals("Summary", book.getSheetName(0));
            assertEquals("Trimmed mean (one highest and one lowest dropped) (TRIMMED_MEAN)",
                    book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue());
            assertEquals("Rank", book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue());
        }
    }

    @Test
    void theOrganisersSummaryNamesEachEntryAndJudgeWhileTheRecountStillReadsCodesAndUsernames() throws IOException {
        ScoreSheet plain = sheet(AggregationMethod.MEAN);
        Map<Long, ScoreSheet.EntryLabel> labels = new HashMap<>();
        plain.codes().forEach((id, code) -> labels.put(id, new ScoreSheet.EntryLabel("标题" + code, code.endsWith("1") ? null : "西渡镇")));
        ScoreSheet named = new ScoreSheet(plain.contestTitle(), plain.roundName(), plain.method(), plain.selectCount(),
                plain.criteria(), plain.judges(), plain.cards(), plain.ranking(), plain.codes(), null, labels,
                Map.of("wang.li", "王丽"));
        byte[] xlsx = xlsx(named, Locale.SIMPLIFIED_CHINESE);
        assertSummary(named, Locale.SIMPLIFIED_CHINESE, xlsx);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet summary = book.getSheetAt(0);
            assertEquals("王丽（wang.li）", summary.getRow(2).getCell(2).getStringCellValue());
            assertEquals("zhang_wei", summary.getRow(2).getCell(3).getStringCellValue(), "no name known: the username");
            assertEquals("作品标题", summary.getRow(2).getCell(12).getStringCellValue());
            Row first = summary.getRow(3);
            assertEquals("标题" + first.getCell(1).getStringCellValue(), first.getCell(12).getStringCellValue());
            for (int r = 3; r <= summary.getLastRowNum(); r++) {
                Row row = summary.getRow(r);
                String unit = row.getCell(1).getStringCellValue().endsWith("1") ? "个人投稿" : "西渡镇";
                assertEquals(unit, row.getCell(13).getStringCellValue());
            }
            assertEquals("王丽", book.getSheet("wang.li").getRow(0).getCell(5).getStringCellValue());
        }
        List<Place> expected = named.ranking().order().stream()
                .map(e -> new Place(e.rank(), named.codes().get(e.entryId()), e.value())).toList();
        assertSamePlaces(expected, IndependentRecount.recountXlsx(new ByteArrayInputStream(xlsx), AggregationMethod.MEAN));
        assertArrayEquals(csv(plain, Locale.SIMPLIFIED_CHINESE), csv(named, Locale.SIMPLIFIED_CHINESE),
                "the CSV stays one line per scorecard by code and username, for programs");
    }

    private static void assertSummary(ScoreSheet sheet, Locale locale, byte[] xlsx) throws IOException {
        Map<String, Integer> submitted = new HashMap<>();
        sheet.cards().stream().filter(Card::submitted)
                .forEach(c -> submitted.put(c.code() + "/" + c.judge(), c.totalHalfPoints()));
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet summary = book.getSheetAt(0);
            assertTrue(summary.getRow(1).getCell(1).getStringCellValue().endsWith("(" + sheet.method().name() + ")"));
            assertEquals(SELECT, summary.getRow(1).getCell(3).getNumericCellValue());
            List<RankedEntry> order = sheet.ranking().order();
            for (int i = 0; i < order.size(); i++) {
                RankedEntry entry = order.get(i);
                String code = sheet.codes().get(entry.entryId());
                Row row = summary.getRow(3 + i);
                assertEquals(entry.rank(), row.getCell(0).getNumericCellValue());
                assertEquals(code, row.getCell(1).getStringCellValue());
                for (int j = 0; j < JUDGES.size(); j++) {
                    Integer half = submitted.get(code + "/" + JUDGES.get(j));
                    Cell cell = row.getCell(2 + j);
                    if (half == null) {
                        assertTrue(cell == null || cell.getCellType() == CellType.BLANK, code + " " + JUDGES.get(j));
                    } else {
                        assertEquals(half / 2.0, cell.getNumericCellValue());
                    }
                }
                assertEquals(entry.scoreCount(), row.getCell(7).getNumericCellValue());
                assertEquals(entry.plainMean().doubleValue(), row.getCell(8).getNumericCellValue(), 1e-10);
                assertEquals(entry.value().doubleValue(), row.getCell(9).getNumericCellValue(), 1e-10, code);
                assertEquals(entry.displayValue().doubleValue(), row.getCell(10).getNumericCellValue());
                boolean english = locale.getLanguage().equals("en");
                String yes = english ? "Yes" : "是";
                String no = english ? "No" : "否";
                // Selected: the first SELECT places, unless a tie straddles the cut (then nobody is, until settled).
                boolean selected = !sheet.ranking().hasTieAtCut() && i < SELECT;
                assertEquals(selected ? yes : no, row.getCell(11).getStringCellValue());
            }
            assertNull(summary.getRow(3 + order.size()));
        }
    }

    /** Same codes in the same order with the same ranks; values equal to ten decimals. */
    private static void assertSamePlaces(List<Place> expected, List<Place> actual) {
        assertEquals(expected.stream().map(p -> p.rank() + " " + p.code()).toList(),
                actual.stream().map(p -> p.rank() + " " + p.code()).toList());
        for (int i = 0; i < expected.size(); i++) {
            BigDecimal difference = expected.get(i).value().subtract(actual.get(i).value()).abs();
            assertTrue(difference.compareTo(new BigDecimal("1e-10")) < 0,
                    expected.get(i).code() + ": " + expected.get(i).value() + " vs " + actual.get(i).value());
        }
    }

    private static String recounted(AggregationMethod method) throws IOException {
        byte[] csv = csv(sheet(method), Locale.SIMPLIFIED_CHINESE);
        return String.join(", ", IndependentRecount.recountCsv(new ByteArrayInputStream(csv), method, PRIMARY).stream()
                .map(p -> p.rank() + " " + p.code()).toList());
    }

    private static ScoreSheet sheet(AggregationMethod method) {
        List<Card> cards = new ArrayList<>();
        Map<Long, String> codes = new HashMap<>();
        for (String line : CARDS) {
            String[] f = line.split(" ");
            long id = 100 + Long.parseLong(f[0].substring(3)); // ids in code order, so Ranker lists ties as the recount does
            codes.put(id, f[0]);
            Map<String, Integer> half = new HashMap<>();
            for (int c = 0; c < CRITERIA.size(); c++) {
                half.put(CRITERIA.get(c).name(), new BigDecimal(f[2 + c]).multiply(BigDecimal.valueOf(2)).intValueExact());
            }
            boolean submitted = f.length == 6;
            Integer total = submitted ? half.values().stream().mapToInt(Integer::intValue).sum() : null;
            cards.add(new Card(id, f[0], JUDGES.get(Integer.parseInt(f[1]) - 1), half, total, submitted));
        }
        Ranking ranking = Ranker.rank(ScoreSheet.totals(CRITERIA, cards), method, SELECT);
        return new ScoreSheet("“讲好身边的故事”征文", "初评", method, SELECT, CRITERIA, JUDGES, cards, ranking, codes);
    }

    private static byte[] xlsx(ScoreSheet sheet, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoreSheetExport.writeXlsx(sheet, locale, out);
        return out.toByteArray();
    }

    private static byte[] csv(ScoreSheet sheet, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoreSheetExport.writeCsv(sheet, locale, out);
        return out.toByteArray();
    }
}
