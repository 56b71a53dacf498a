package app.laurel.publication;

import app.laurel.contest.Contest;
import app.laurel.contest.EntryType;
import app.laurel.identity.Account;
import app.laurel.identity.AccountDetails;
import app.laurel.identity.Role;
import app.laurel.identity.Unit;
import app.laurel.identity.UnitType;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.i18n.Messages;
import app.laurel.submission.Author;
import app.laurel.submission.Entry;
import app.laurel.submission.EntryContent;
import app.laurel.submission.StoryText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may be published in the column, and what the public reads of a story with and without its author. */
class ColumnRulesTest {

    private static final Instant NOW = Instant.parse("2021-07-01T02:00:00Z");
    private static final Contest CONTEST = new Contest("HY2021", "讲述身边的禁毒故事", null, null, NOW);
    private static final String STORY = "<p>西渡镇（示例）的李春花是禁毒志愿者，电话13912345678。城西社区的老王说：李春花帮了我。</p>";

    /** A citizen's story naming a township, written by 李春花 of 城西社区; screened into {@code accepted} or left submitted. */
    private static Entry entry(Contest contest, boolean consent, boolean accepted) {
        Account owner = new Account(AccountDetails.normalised("lichunhua", "李春花", "13812345678", "lch@example.cn"),
                "h", EnumSet.of(Role.PUBLIC), null, NOW);
        Entry entry = new Entry(contest, EntryType.STORY, owner, null, NOW);
        StoryText text = StoryText.of(STORY);
        entry.revise(new EntryContent(null, "李春花：我在西渡镇（示例）当志愿者", text.html(), text.text(),
                new Unit("西渡镇（示例）", UnitType.TOWNSHIP, false, NOW), new Author("李春花", "13700001111", "城西社区"), true, consent), NOW);
        entry.submit("HY2021-0001", NOW);
        if (accepted) {
            entry.accept(NOW);
        }
        return entry;
    }

    /** The story's text as a reader sees it (the sanitiser writes full-width punctuation as character references). */
    private static String text(ColumnStory story) {
        assertTrue(story.bodyHtml().startsWith("<p>"), "the markup is kept: " + story.bodyHtml());
        return StoryText.of(story.bodyHtml()).text();
    }

    @Test
    void onlyAnAcceptedEntryOfTheContestWhoseAuthorConsentedIsPublished() {
        LaurelException noConsent = assertThrows(LaurelException.class,
                () -> ColumnItem.publish(CONTEST, entry(CONTEST, false, true), false, "organiser", NOW));
        assertEquals("column.noConsent", noConsent.messageKey());
        assertEquals(LaurelException.Kind.CONFLICT, noConsent.kind());

        LaurelException notScreened = assertThrows(LaurelException.class,
                () -> ColumnItem.publish(CONTEST, entry(CONTEST, true, false), false, "organiser", NOW));
        assertEquals("column.notPublishable", notScreened.messageKey());

        Contest other = new Contest("HY2022", "另一个活动", null, null, NOW);
        InvalidInputException otherContest = assertThrows(InvalidInputException.class,
                () -> ColumnItem.publish(CONTEST, entry(other, true, true), false, "organiser", NOW));
        assertEquals("column.otherContest", otherContest.errors().get(0).messageKey());

        ColumnItem item = ColumnItem.publish(CONTEST, entry(CONTEST, true, true), true, "organiser", NOW);
        assertTrue(item.isVisible());
        assertEquals(0, item.getViewCount());
        assertEquals("organiser", item.getPublishedBy());
    }

    @Test
    void anonymousStoriesHideTheAuthorTheUnitAndPhoneNumbersInTitleAndText() {
        Entry entry = entry(CONTEST, true, true);
        entry.redact(List.of("老王"));
        ColumnStory story = ColumnStory.of(ColumnItem.publish(CONTEST, entry, false, "organiser", NOW));

        assertTrue(story.anonymous());
        assertNull(story.authorName());
        assertNull(story.unitName());
        assertEquals("■■■：我在■■■■■■■当志愿者", story.title());
        assertEquals("■■■■■■■的■■■是禁毒志愿者，电话■■■■■■■■■■■。■■■■的■■说：■■■帮了我。", text(story),
                "the unit is found although the sanitiser wrote its brackets as character references");
        for (String personal : List.of("李春花", "西渡镇", "示例", "城西社区", "13912345678", "13812345678", "13700001111", "lichunhua")) {
            assertFalse(story.toString().contains(personal), personal + " is in " + story);
        }
    }

    @Test
    void withTheAuthorShownTheNameAndUnitArePrintedButPhoneNumbersStillHidden() {
        Entry entry = entry(CONTEST, true, true);
        entry.redact(List.of("老王"));
        ColumnStory story = ColumnStory.of(ColumnItem.publish(CONTEST, entry, true, "organiser", NOW));

        assertFalse(story.anonymous());
        assertEquals("李春花", story.authorName());
        assertEquals("西渡镇（示例）", story.unitName(), "a citizen's entry shows the township it names");
        assertEquals("李春花：我在西渡镇（示例）当志愿者", story.title());
        assertEquals("西渡镇（示例）的李春花是禁毒志愿者，电话■■■■■■■■■■■。城西社区的■■说：李春花帮了我。", text(story),
                "the organiser's own terms are hidden in both cases");
        assertFalse(story.toString().contains("lichunhua"), "never the owner's username");
    }

    @Test
    void theExcerptIsTheTextsFirstEightyCharactersOnOneLine() {
        assertEquals("第一段 第二段", ColumnStory.excerpt("<p>第一段</p><p>第二段</p>"));
        String excerpt = ColumnStory.excerpt("<p>" + "禁".repeat(100) + "</p>");
        assertEquals("禁".repeat(80) + "…", excerpt);
        assertEquals("", ColumnStory.excerpt(null), "a video has no text");
    }

    @Test
    void theColumnsMessagesFormatInBothLanguages() {
        assertEquals("1 view", Messages.text(Locale.ENGLISH, "column.views", 1L));
        assertEquals("1,234 views", Messages.text(Locale.ENGLISH, "column.views", 1234L));
        assertEquals("1234 次阅读", Messages.text(Messages.CHINESE, "column.views", 1234L));
        assertEquals("Page 2 of 3", Messages.text(Locale.ENGLISH, "column.pageOf", 2, 3));
        assertEquals("作者：匿名", Messages.text(Messages.CHINESE, "column.author", Messages.text(Messages.CHINESE, "column.anonymous")));
    }

    @Test
    void pagesCountFromOneAndAtLeastOne() {
        assertEquals(2, new ColumnPage(List.of(), 1, 12, 13).pageCount());
        assertEquals(1, new ColumnPage(List.of(), 1, 12, 0).pageCount());
        assertTrue(new ColumnPage(List.of(), 1, 12, 13).hasNext());
        assertFalse(new ColumnPage(List.of(), 2, 12, 13).hasNext());
        assertTrue(new ColumnPage(List.of(), 2, 12, 13).hasPrevious());
    }
}
