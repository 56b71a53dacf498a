package app.laurel.campaign;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.i18n.Messages;
import app.laurel.platform.sheet.CsvRows;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The campaign's rules without a container: targets, reported numbers, cell status by a fixed clock, import rows. */
class CampaignRulesTest {

    private static final Set<String> OFFICES = Set.of("办公室", "基教科", "职成科", "民办科", "安全科", "信息科");
    private static final String[] HEADER = {"序号", "具体任务", "考核内容", "责任科室", "目标比较", "目标数值", "单位", "截止日期"};

    @Test
    void targetsCompareAsTheSeedMeansThem() {
        Target fourPosts = new Target(Comparison.AT_LEAST, new BigDecimal("4"), "条");
        assertTrue(fourPosts.isMetBy(new BigDecimal("4")));
        assertTrue(fourPosts.isMetBy(new BigDecimal("7")));
        assertFalse(fourPosts.isMetBy(new BigDecimal("3.99")));
        Target allRegistered = new Target(Comparison.EXACTLY, new BigDecimal("100"), "%");
        assertTrue(allRegistered.isMetBy(new BigDecimal("100.00")));
        assertFalse(allRegistered.isMetBy(new BigDecimal("98.5")));
        Target atMost = new Target(Comparison.AT_MOST, new BigDecimal("2"), "次");
        assertTrue(atMost.isMetBy(BigDecimal.ONE));
        assertFalse(atMost.isMetBy(new BigDecimal("3")));
        assertEquals("≥ 4 条", fourPosts.label());
        assertEquals("= 100 %", allRegistered.label());
    }

    @Test
    void aReportedValueMustBeANumberButPhoneKeyboardsAreForgiven() {
        assertEquals(new BigDecimal("4"), ReportValue.parse("４", "条"));
        assertEquals(new BigDecimal("100"), ReportValue.parse("100%", "%"));
        assertEquals(new BigDecimal("5"), ReportValue.parse(" 5 条", "条"));
        assertEquals(null, ReportValue.parse("  ", "条"));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ReportValue.parse("四篇", "篇"));
        FieldError error = refused.errors().get(0);
        assertEquals("value", error.field());
        assertEquals("“四篇”不是数字，请只填写数字（如 4 或 100）。", Messages.text(Messages.CHINESE, error.messageKey(), error.args()));
        assertThrows(InvalidInputException.class, () -> ReportValue.parse("4-5", "条"));
        assertThrows(InvalidInputException.class, () -> ReportValue.parse("-3", "条"));
    }

    @Test
    void aCellIsOverdueOnlyOnceTheDeadlineAndAnyExtensionHavePassedByTheClock() {
        Instant due = TaskImport.endOfDay(LocalDate.parse("2020-11-02"));
        Instant beforeMidnight = Instant.parse("2020-11-02T15:59:59Z"); // 23:59:59 in China
        Instant nextMorning = Instant.parse("2020-11-03T00:30:00Z");
        assertEquals(CellStatus.MISSING, CellStatus.of(null, due, null, beforeMidnight));
        assertEquals(CellStatus.OVERDUE, CellStatus.of(null, due, null, nextMorning));
        assertEquals(CellStatus.MISSING, CellStatus.of(null, due, Instant.parse("2020-11-05T10:00:00Z"), nextMorning));
        assertEquals(CellStatus.OVERDUE, CellStatus.of(null, due, Instant.parse("2020-11-01T10:00:00Z"), nextMorning),
                "an extension earlier than the deadline gives nothing");
        assertEquals(CellStatus.DONE, CellStatus.of(ReportStatus.ACCEPTED, due, null, nextMorning));
        assertEquals(CellStatus.SUBMITTED, CellStatus.of(ReportStatus.SUBMITTED, due, null, nextMorning));
        assertEquals(CellStatus.RETURNED, CellStatus.of(ReportStatus.RETURNED, due, null, nextMorning));
    }

    @Test
    void goodRowsImportWithTheirTargetsAndDueDates() {
        List<String[]> rows = List.of(HEADER,
                new String[]{"1", "党委中心组开展禁毒专题学习", "会议记录", "办公室", "", "", "", "2020-11-02"},
                new String[]{"", "", "", "", "", "", "", ""},
                new String[]{"9", "数字平台注册率达 100%", "查相关数据统计", "基教科 职成科、民办科", "=", "100", "%", "2020/11/2"});
        TaskImport.Result result = TaskImport.rows(rows, OFFICES);
        assertEquals(List.of(), result.errors());
        assertEquals(2, result.drafts().size());
        assertEquals(List.of("基教科", "职成科", "民办科"), result.drafts().get(1).officeNames());
        assertEquals("= 100 %", result.drafts().get(1).target().label());
        assertEquals(null, result.drafts().get(0).target());
        assertEquals(Instant.parse("2020-11-02T15:59:59.999Z"), result.drafts().get(0).due());
    }

    @Test
    void badRowsAreEachReportedByTheirRowNumberAndNothingIsImported() {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(new String[]{"1", "党委中心组开展禁毒专题学习", "会议记录", "办公室", "", "", "", "2020-11-02"});
        rows.add(new String[]{"2", "开展禁毒主题活动", "查培训记录", "安全科", "≥", "一", "次", "2020-11-02"});
        rows.add(new String[]{"3", "组织参加知识竞赛", "查竞赛成绩", "安全科", "", "", "", "11月2日"});
        rows.add(new String[]{"4", "设立禁毒宣传橱窗", "查宣传图片", "教务科", "", "", "", "2020-11-02"});
        rows.add(new String[]{"5", "", "查通知文件", "安全科", "大于", "3", "", "2020-11-02"});
        TaskImport.Result result = TaskImport.rows(rows, OFFICES);
        assertEquals(List.of(), result.drafts(), "one bad row and nothing is imported");
        List<String> messages = result.errors().stream()
                .map(e -> Messages.text(Messages.CHINESE, e.messageKey(), e.args())).toList();
        assertEquals(List.of("第 3 行：目标数值“一”不是数字。", "第 4 行：截止日期“11月2日”无法识别，请用 yyyy-MM-dd。",
                "第 5 行：责任科室“教务科”不存在。", "第 6 行：缺少具体任务。", "第 6 行：目标比较“大于”无法识别，请填 ≥、= 或 ≤。"), messages);
    }

    @Test
    void csvFromChineseExcelIsReadInGb18030AndQuotedCellsKeepTheirCommas() {
        String csv = String.join("\r\n", String.join(",", HEADER),
                "1,\"开展禁毒主题活动，组织参观, 1 次以上\",查培训记录,安全科,>=,1,次,2020-11-02", "");
        TaskImport.Result result = TaskImport.read("清单.csv", csv.getBytes(java.nio.charset.Charset.forName("GB18030")), OFFICES);
        assertEquals(List.of(), result.errors());
        assertEquals("开展禁毒主题活动，组织参观, 1 次以上", result.drafts().get(0).text());
        assertEquals(Comparison.AT_LEAST, result.drafts().get(0).target().comparison());
        InvalidInputException wrongType = assertThrows(InvalidInputException.class,
                () -> TaskImport.read("清单.docx", new byte[]{1, 2, 3}, OFFICES));
        assertEquals("campaign.import.format", wrongType.errors().get(0).messageKey());
        InvalidInputException notAWorkbook = assertThrows(InvalidInputException.class,
                () -> TaskImport.read("清单.xlsx", "not a workbook".getBytes(), OFFICES));
        assertEquals("campaign.import.unreadable", notAWorkbook.errors().get(0).messageKey());
    }

    @Test
    void csvSavedByExcelOnChineseWindowsIsReadWhetherGbkOrUtf8WithABom() {
        String csv = String.join("\r\n", String.join(",", HEADER),
                "1,\"禁毒宣传“进校园”，\"\"6·26\"\"主题活动\",\"查活动照片\n查签到表\",安全科、办公室,≥,2,次,2020-11-02", "");
        byte[] gbk = csv.getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] utf8 = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] utf8WithBom = java.util.Arrays.copyOf(bom, bom.length + utf8.length);
        System.arraycopy(utf8, 0, utf8WithBom, bom.length, utf8.length);
        for (byte[] file : List.of(gbk, utf8WithBom)) {
            TaskImport.Result result = TaskImport.read("清单.csv", file, OFFICES);
            assertEquals(List.of(), result.errors());
            TaskDraft task = result.drafts().get(0);
            assertEquals("禁毒宣传“进校园”，\"6·26\"主题活动", task.text());
            assertEquals("查活动照片\n查签到表", task.evidenceRequired(), "a line break inside quotes stays in the cell");
            assertEquals(List.of("安全科", "办公室"), task.officeNames());
            assertEquals("≥ 2 次", task.target().label());
        }
        assertEquals(List.of("序号", "具体任务"), List.of(CsvRows.read(utf8WithBom).get(0)).subList(0, 2),
                "the byte order mark is not part of the first header");
        assertEquals(List.of("1", "引号后面还有字", "查记录"), List.of(CsvRows.parse("1,\"引号\"后面还有字,查记录\r\n").get(0)),
                "text after a closing quote is kept, as Excel keeps it");
        TaskImport.Result unclosed = TaskImport.read("清单.csv", (String.join(",", HEADER)
                + "\r\n1,\"没有结束的引号,查记录,安全科,,,,2020-11-02\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), OFFICES);
        assertEquals(List.of("campaign.import.noEvidence", "campaign.import.noOffice", "campaign.import.noDue"),
                unclosed.errors().stream().map(e -> e.messageKey()).toList(), "an unclosed quote swallows the rest of the file");
    }
}
