package app.laurel.publication;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing what the organiser's form shows, and correcting (更正) a published notice: every change is printed with
 * its date and reason, the period can be extended but never shortened, and nothing is changed silently.
 */
class NoticeCorrectionTest {

    // 公示期 2021-06-18 09:00 to 2021-06-25 18:00, Beijing time; published the day before.
    private static final Instant STARTS = Instant.parse("2021-06-18T01:00:00Z");
    private static final Instant ENDS = Instant.parse("2021-06-25T10:00:00Z");
    private static final Instant PUBLISHED = STARTS.minus(Duration.ofDays(1));
    private static final Instant NOW = Instant.parse("2021-06-20T02:00:00Z");

    private static Notice draft() {
        return new Notice(null, null, "abcd2345", text("关于评选结果的公示", ENDS, "县禁毒办 0734-1234567"));
    }

    private static NoticeText text(String title, Instant ends, String contact) {
        return new NoticeText(title, "现予公示。", ListOrder.RANK, STARTS, ends, contact);
    }

    private static Notice published() {
        Notice notice = draft();
        notice.publish(PUBLISHED);
        return notice;
    }

    private static List<String> fields(InvalidInputException refused) {
        return refused.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void publishingWithTheFormsTextPublishesThatTextNotTheSavedDraft() {
        Notice notice = draft();
        Instant later = ENDS.plus(Duration.ofDays(2));
        notice.publish(text("关于评选结果的公示", later, "县委政法委 0734-7654321"), PUBLISHED);
        assertEquals(NoticeStatus.PUBLISHED, notice.getStatus());
        assertEquals(later, notice.getEndsAt(), "the period from the form");
        assertEquals("县委政法委 0734-7654321", notice.getContact());
    }

    @Test
    void anInvalidFormIsNeitherSavedNorPublished() {
        Notice notice = draft();
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> notice.publish(text("关于评选结果的公示", STARTS.minusSeconds(60), " "), PUBLISHED));
        assertEquals(List.of("endsAt", "contact"), fields(refused));
        assertEquals(NoticeStatus.DRAFT, notice.getStatus());
        assertEquals(ENDS, notice.getEndsAt());
    }

    @Test
    void thePreviewPrintsTheStartThePublicWillSee() {
        Notice notice = draft();
        assertEquals(STARTS, notice.startsIfPublishedAt(PUBLISHED), "a future start stays");
        assertEquals(NOW, notice.startsIfPublishedAt(NOW), "a past start becomes the moment of publication");
        notice.publish(NOW);
        assertEquals(NOW, notice.getStartsAt(), "as the preview said");
    }

    @Test
    void aCorrectionChangesThePeriodAndContactAndSaysSoWithItsDate() {
        Notice notice = published();
        Instant extended = ENDS.plus(Duration.ofDays(3));
        NoticeCorrection correction = notice.correct(new CorrectionForm(null, null, null, extended, "县禁毒办 0734-8888888",
                "原联系电话有误"), NOW);
        assertEquals(extended, notice.getEndsAt());
        assertEquals("县禁毒办 0734-8888888", notice.getContact());
        assertEquals("关于评选结果的公示", notice.getTitle(), "what was not given stays");
        assertEquals(NOW, correction.getCreatedAt());
        assertEquals(List.of(correction), notice.getCorrections());
        String printed = correction.getText();
        assertTrue(printed.startsWith("2021年6月20日 更正：原联系电话有误"), printed);
        assertTrue(printed.contains("公示结束时间由 2021-06-25 18:00 更正为 2021-06-28 18:00"), printed);
        assertTrue(printed.contains("由“县禁毒办 0734-1234567”更正为“县禁毒办 0734-8888888”"), printed);
        assertTrue(notice.isOpenForObjections(ENDS.plus(Duration.ofDays(1))), "objections run to the new end");
    }

    @Test
    void aCorrectedBodyIsPrintedWithTheTextItReplaced() {
        Notice notice = published();
        String printed = notice.correct(new CorrectionForm(null, "现予公示，公示期七天。", null, null, null, "补充公示期"), NOW).getText();
        assertEquals("现予公示，公示期七天。", notice.getBody());
        assertTrue(printed.contains("更正前的正文为：\n现予公示。"), printed);
    }

    @Test
    void thePeriodCannotBeShortenedOnceItIsPublic() {
        Notice notice = published();
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> notice.correct(
                new CorrectionForm(null, null, null, ENDS.minus(Duration.ofDays(1)), null, "提前结束"), NOW));
        assertEquals(List.of("endsAt"), fields(refused));
        assertEquals("notice.correction.shortened", refused.errors().get(0).messageKey());
        assertEquals(ENDS, notice.getEndsAt());
        assertTrue(notice.getCorrections().isEmpty());
    }

    @Test
    void anExtensionMustReachIntoTheFuture() {
        Notice notice = published();
        Instant afterTheEnd = ENDS.plus(Duration.ofDays(5));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> notice.correct(
                new CorrectionForm(null, null, null, ENDS.plus(Duration.ofDays(1)), null, "延长"), afterTheEnd));
        assertEquals("notice.correction.endPassed", refused.errors().get(0).messageKey());
    }

    @Test
    void aCorrectionNeedsAReasonAndAChange() {
        Notice notice = published();
        InvalidInputException noReason = assertThrows(InvalidInputException.class,
                () -> notice.correct(new CorrectionForm(null, null, null, null, "新联系人", " "), NOW));
        assertEquals(List.of("reason"), fields(noReason));
        InvalidInputException same = assertThrows(InvalidInputException.class, () -> notice.correct(
                new CorrectionForm("关于评选结果的公示", " 现予公示。 ", ListOrder.RANK, ENDS, "县禁毒办 0734-1234567", "核对"), NOW));
        assertEquals("notice.correction.nothingChanged", same.errors().get(0).messageKey());
        assertTrue(notice.getCorrections().isEmpty());
    }

    @Test
    void onlyAPublishedNoticeIsCorrectedAndOnlyADraftIsEdited() {
        CorrectionForm form = new CorrectionForm(null, null, null, null, "新联系人", "更正联系人");
        LaurelException draft = assertThrows(LaurelException.class, () -> draft().correct(form, NOW));
        assertEquals("notice.notPublished", draft.messageKey());
        Notice notice = published();
        LaurelException edited = assertThrows(LaurelException.class, () -> notice.edit(text("改", ENDS, "x")));
        assertEquals("notice.notDraft", edited.messageKey());
        notice.finalise("结果", ENDS);
        assertThrows(LaurelException.class, () -> notice.correct(form, ENDS.plusSeconds(1)));
    }
}
