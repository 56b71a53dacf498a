package app.laurel.publication;

import app.laurel.judging.AggregationMethod;
import app.laurel.judging.AssignmentMode;
import app.laurel.judging.Criterion;
import app.laurel.judging.CutDecision;
import app.laurel.judging.RankedEntry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The results report as the file receives it, from a report made by hand, and how much of a ranking it prints. */
class ResultsReportPdfTest {

    private static final List<Criterion> RUBRIC = List.of(new Criterion("思想性", 30, true), new Criterion("真实性", 30, false),
            new Criterion("感染力", 20, false), new Criterion("表现力", 20, false));

    private static ResultsReport report(int rows, Double w) {
        List<ResultsReport.Row> lines = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            lines.add(new ResultsReport.Row(i == 3 ? 2 : i, "R2-%03d".formatted(i), "HY2021-%04d".formatted(i), "作品第" + i + "篇",
                    "测试镇", new BigDecimal(90 - i + ".25"), null, 5, i <= 3, i == 3 ? 0.62 : 0.97,
                    i == 2 ? ResultsReport.NoticeMark.DISQUALIFIED : i == 4 ? ResultsReport.NoticeMark.PROMOTED
                            : ResultsReport.NoticeMark.NONE));
        }
        ResultsReport.RoundPart first = new ResultsReport.RoundPart("初评", 1, 40000, AssignmentMode.BALANCED, 3,
                AggregationMethod.TRIMMED_MEAN, 3, 100, RUBRIC, List.of("陈静", "李明"), Instant.parse("2026-06-01T08:00:00Z"));
        ResultsReport.RoundPart last = new ResultsReport.RoundPart("终评", 2, 100, AssignmentMode.ALL, null,
                AggregationMethod.TRIMMED_MEAN, 5, 3, RUBRIC, List.of("陈静", "李明", "王芳"), Instant.parse("2026-06-10T08:00:00Z"));
        ResultsReport.NoticePart notice = new ResultsReport.NoticePart("关于评选结果的公示", NoticePhase.FINALISED,
                Instant.parse("2026-06-11T01:00:00Z"), Instant.parse("2026-06-18T10:00:00Z"), "评选结果已公布。",
                List.of("2026年6月12日更正：《作品第2篇》经核实取消入选资格。"),
                List.of(new ResultsReport.ObjectionLine("YY20260612-ABCDEF", "R2-002", "作品第2篇", Instant.parse("2026-06-12T02:00:00Z"),
                        ObjectionStatus.UPHELD, "经调查，该作品系抄袭。", null),
                        new ResultsReport.ObjectionLine("YY20260613-GHJKLM", "R2-001", "作品第1篇", Instant.parse("2026-06-13T02:00:00Z"),
                                ObjectionStatus.DISMISSED, "经调查，作品为原创。", "您反映的问题不属实。")));
        return new ResultsReport("讲述身边的禁毒故事", "衡阳县禁毒委员会办公室", null, List.of(first, last), 100, lines,
                new ResultsReport.Cut(CutDecision.ORDERED, List.of("R2-003", "R2-002"), "按主要评分项排序"), w,
                List.of(new ResultsReport.JudgeLine("陈静", 100, new BigDecimal("82.10"), new BigDecimal("5.00"), new BigDecimal("6.00")),
                        new ResultsReport.JudgeLine("李明", 100, new BigDecimal("76.10"), new BigDecimal("4.00"), new BigDecimal("-1.00"))),
                100, "思想性", notice, Instant.parse("2026-06-20T02:00:00Z"));
    }

    private static String text(ResultsReport report, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsReportPdf.write(report, locale, out);
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    @Test
    void theReportSaysHowTheResultCameAboutAndWhoSignsForIt() throws IOException {
        String text = text(report(60, 0.8234), Locale.SIMPLIFIED_CHINESE);
        for (String expected : new String[]{"评审结果报告", "主办单位：衡阳县禁毒委员会办公室", "第 1 轮：初评", "参评作品 40000 件",
                "均衡分配，每件作品由 3 位评委评审", "去掉一个最高分和一个最低分", "思想性 30 分（占 30%）（主要评分项）",
                "评委（3 位）：陈静、李明、王芳", "本轮共 100 件作品参加排名，入选 3 件", "下表列出前 60 名",
                "主办方决定按以下顺序排列：R2-003、R2-002。理由：按主要评分项", "评委一致性（肯德尔 W）：0.82。各位评委排出的先后较为一致",
                "稳定度低于 80% 的入选作品：R2-003 62%", "+6.00 偏松", "-1.00 适中", "本节数字按仍在评选中的作品计算", "共收到异议 2 件：成立 1 件，不成立 1 件",
                "YY20260612-ABCDEF", "异议成立", "异议不成立", "答复：您反映的问题不属实。", "更正：2026年6月12日更正",
                "公示结果：评选结果已公布。", "异议成立，", "取消入选", "递补入选", "监督人（签字）", "主办单位（盖章）", "评委签字",
                "2026年6月10日 16:00", "第 1 页 / 共 "}) {
            assertTrue(text.contains(expected), "missing: " + expected + "\n" + text);
        }
        assertTrue(text.indexOf("R2-001") < text.indexOf("R2-002") && text.indexOf("R2-059") < text.indexOf("R2-060"),
                "the ranking in its order");
        assertTrue(!text.contains("R2-061"), "only the rows given");
    }

    @Test
    void inEnglishWhenTheOrganiserReadsEnglishAndSaysSoWhenThereIsNoW() throws IOException {
        String text = text(report(5, null), Locale.ENGLISH);
        for (String expected : new String[]{"Judging results report", "Organised by:", "Kendall's W was not computed",
                "Page 1 of", "Removed:", "objection", "upheld", "Supervisor (signature)", "Judge's signature"}) {
            assertTrue(text.contains(expected), "missing: " + expected + "\n" + text);
        }
        assertTrue(!text.contains("评审结果报告"), "no Chinese headings in the English report");
    }

    private static List<RankedEntry> ranking(int size, int sharedFrom, int sharedTo) {
        List<RankedEntry> order = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            int rank = i >= sharedFrom && i <= sharedTo ? sharedFrom : i;
            order.add(new RankedEntry(i, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN, 3, rank));
        }
        return order;
    }

    @Test
    void aShortRankingIsPrintedWholeALongOneUpToTheSelectedAndTwentyMoreNeverSplittingAShare() {
        assertEquals(100, ResultsReportService.printed(ranking(100, 0, -1), 10));
        assertEquals(30, ResultsReportService.printed(ranking(40000, 0, -1), 10));
        assertEquals(33, ResultsReportService.printed(ranking(40000, 29, 33), 10), "places 29 to 33 share a rank");
        assertEquals(40000, ResultsReportService.printed(ranking(40000, 0, -1), 40000));
    }
}
