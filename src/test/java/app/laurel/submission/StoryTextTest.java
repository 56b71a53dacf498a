package app.laurel.submission;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoryTextTest {

    @Test
    void scriptsHandlersAndLinksAreRemovedParagraphsKept() {
        StoryText story = StoryText.of("<p onclick=\"steal()\">他<b>戒毒</b>成功了。</p><script>alert(1)</script>"
                + "<a href=\"javascript:x\">点我</a><img src=x onerror=alert(2)><p>第二段</p>");
        assertFalse(story.html().contains("script"));
        assertFalse(story.html().contains("onclick"));
        assertFalse(story.html().contains("javascript"));
        assertFalse(story.html().contains("<img"));
        assertTrue(story.html().contains("<p>他<b>戒毒</b>成功了。</p>"), story.html());
        assertEquals("他戒毒成功了。\n点我\n第二段", story.text());
    }

    @Test
    void charactersAreCountedAsReadersCountThemIgnoringWhiteSpace() {
        assertEquals(10, StoryText.of("<p>讲述 身边的</p><p>禁毒故事！</p>").length());
        assertEquals(0, StoryText.of(null).length());
        assertEquals(5, StoryText.countChars("a b\tc\nd e"));
        assertEquals("&lt;3 & 更多", StoryText.of("&lt;3 &amp; 更多").html().replace("&amp;", "&"));
    }
}
