package app.laurel.campaign;

import app.laurel.identity.Unit;
import app.laurel.identity.UnitType;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A campaign's set-up refuses what would be there twice or backwards; a unit's report on a task goes submitted →
 * returned → resubmitted → accepted, and an accepted one is final. Plain JUnit, no server.
 */
class CampaignStatesTest {

    private static final Instant NOW = Instant.parse("2020-10-20T02:00:00Z");

    private static String key(LaurelException refusal) {
        return refusal instanceof InvalidInputException invalid ? invalid.errors().get(0).messageKey() : refusal.messageKey();
    }

    private static Campaign campaign() {
        return new Campaign("YY2020", "禁毒宣传教育专项行动", "衡教通〔2020〕1号", false, NOW);
    }

    @Test
    void phasesOfficesUnitsAndTasksAreAddedInOrder() {
        Campaign campaign = campaign();
        campaign.addPhase("动员部署", LocalDate.parse("2020-10-20"), LocalDate.parse("2020-10-31"));
        campaign.addPhase("组织实施", LocalDate.parse("2020-11-01"), LocalDate.parse("2020-11-01"));
        Office office = campaign.addOffice("安全科");
        Unit school = new Unit("县第一中学", UnitType.SCHOOL, false, NOW);
        campaign.enrol(school);
        CampaignTask first = campaign.addTask(new TaskDraft("开展禁毒主题班会", "查班会记录", List.of("安全科"), null, NOW), List.of(office));
        CampaignTask second = campaign.addTask(new TaskDraft("发布宣传信息", "查截图", List.of("安全科"),
                new Target(Comparison.AT_LEAST, new BigDecimal("4"), "条"), NOW), List.of(office));
        assertEquals(2, campaign.getPhases().size());
        assertEquals(List.of(1, 2), List.of(first.getSeq(), second.getSeq()));
        assertEquals(office, campaign.office("安全科").orElseThrow());
        assertTrue(campaign.participation(school).isPresent());
    }

    @Test
    void aPhaseEndingBeforeItStartsAnOfficeTwiceAndAUnitTwiceAreRefused() {
        Campaign campaign = campaign();
        assertEquals("campaign.phase.endsBeforeStart", key(assertThrows(InvalidInputException.class,
                () -> campaign.addPhase("总结", LocalDate.parse("2020-11-02"), LocalDate.parse("2020-11-01")))));
        campaign.addOffice("安全科");
        assertEquals("campaign.office.duplicate", key(assertThrows(InvalidInputException.class, () -> campaign.addOffice("安全科"))));
        Unit school = new Unit("县第一中学", UnitType.SCHOOL, false, NOW);
        campaign.enrol(school);
        assertEquals("campaign.unit.duplicate", key(assertThrows(LaurelException.class, () -> campaign.enrol(school))));
        assertEquals(0, campaign.getPhases().size());
        assertEquals(1, campaign.getOffices().size());
        assertEquals(1, campaign.getUnits().size());
    }

    private static TaskReport report(Target target) {
        Campaign campaign = campaign();
        Office office = campaign.addOffice("信息科");
        CampaignTask task = campaign.addTask(new TaskDraft("发布禁毒宣传信息", "查截图", List.of("信息科"), target, NOW), List.of(office));
        return new TaskReport(task, new Unit("县第一中学", UnitType.SCHOOL, false, NOW));
    }

    @Test
    void aReportIsSubmittedReturnedResubmittedAndAcceptedWithItsHistory() {
        TaskReport report = report(new Target(Comparison.AT_LEAST, new BigDecimal("4"), "条"));
        report.submit("见截图", new BigDecimal("3"), List.of(), "unit", NOW);
        assertEquals(ReportStatus.SUBMITTED, report.getStatus());
        assertTrue(report.isBelowTarget(), "3 of at least 4 is flagged");
        report.returnForCorrection(" 不足 4 条 ", "reviewer", NOW.plusSeconds(60));
        assertEquals(ReportStatus.RETURNED, report.getStatus());
        assertEquals("不足 4 条", report.getReason());
        report.submit("已补发", new BigDecimal("4"), List.of(), "unit", NOW.plusSeconds(120));
        assertEquals(ReportStatus.SUBMITTED, report.getStatus());
        assertFalse(report.isBelowTarget());
        assertNull(report.getReason(), "a resubmission clears the reason it was returned for");
        report.accept("reviewer", NOW.plusSeconds(180));
        assertEquals(ReportStatus.ACCEPTED, report.getStatus());
        assertEquals(List.of(EventKind.SUBMITTED, EventKind.RETURNED, EventKind.SUBMITTED, EventKind.ACCEPTED),
                report.getEvents().stream().map(TaskReportEvent::getKind).toList());
    }

    @Test
    void anAcceptedReportIsFinalAndOnlyAWaitingOneIsDecided() {
        TaskReport report = report(null);
        assertEquals("campaign.report.notWaiting", key(assertThrows(LaurelException.class, () -> report.accept("reviewer", NOW))));
        report.submit("见附件", null, List.of(), "unit", NOW);
        report.accept("reviewer", NOW);
        assertEquals("campaign.report.alreadyAccepted", key(assertThrows(LaurelException.class,
                () -> report.submit("再报一次", null, List.of(), "unit", NOW))));
        assertEquals("campaign.report.notWaiting", key(assertThrows(LaurelException.class, () -> report.accept("reviewer", NOW))));
        assertEquals("campaign.report.notWaiting", key(assertThrows(LaurelException.class,
                () -> report.returnForCorrection("再改", "reviewer", NOW))));
        TaskReport returned = report(null);
        returned.submit("见附件", null, List.of(), "unit", NOW);
        returned.returnForCorrection("请补充照片", "reviewer", NOW);
        assertEquals("campaign.report.notWaiting", key(assertThrows(LaurelException.class,
                () -> returned.returnForCorrection("再退", "reviewer", NOW))), "a returned report waits for the unit, not the office");
        assertEquals(ReportStatus.ACCEPTED, report.getStatus());
        assertEquals(2, report.getEvents().size());
    }

    @Test
    void aReportNeedsItsValueWhereTheTaskHasATargetSomethingToReviewAndAReturnNeedsAReason() {
        TaskReport numeric = report(new Target(Comparison.AT_LEAST, new BigDecimal("4"), "条"));
        assertEquals("campaign.report.valueRequired", key(assertThrows(InvalidInputException.class,
                () -> numeric.submit("见截图", null, List.of(), "unit", NOW))));
        TaskReport plain = report(null);
        assertEquals("campaign.report.empty", key(assertThrows(InvalidInputException.class,
                () -> plain.submit("  ", null, List.of(), "unit", NOW))));
        assertEquals("validation.length", key(assertThrows(InvalidInputException.class,
                () -> plain.submit("字".repeat(TaskReport.MAX_TEXT + 1), null, List.of(), "unit", NOW))));
        assertNull(plain.getStatus(), "nothing refused was recorded");
        plain.submit("见附件", null, List.of(), "unit", NOW);
        assertEquals("campaign.review.reasonRequired", key(assertThrows(InvalidInputException.class,
                () -> plain.returnForCorrection(" ", "reviewer", NOW))));
        assertEquals("validation.length", key(assertThrows(InvalidInputException.class,
                () -> plain.returnForCorrection("因".repeat(TaskReport.MAX_REASON + 1), "reviewer", NOW))));
        assertEquals(ReportStatus.SUBMITTED, plain.getStatus());
        assertEquals(1, plain.getEvents().size());
    }
}
