package app.laurel.publication;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Line breaking measured in characters (every character one unit wide), so that the breaks are easy to read. */
class LineBreakerTest {

    private static List<String> lines(String text, int width) throws IOException {
        return LineBreaker.lines(text, width, s -> s.codePointCount(0, s.length()));
    }

    @Test
    void chineseBreaksBetweenAnyTwoCharacters() throws IOException {
        assertEquals(List.of("珍爱生命", "远离毒品"), lines("珍爱生命远离毒品", 4));
    }

    @Test
    void closingPunctuationNeverStartsALineNorOpeningPunctuationEndsOne() throws IOException {
        // Cut at four, "，" would start the second line and "《" end it: both go with their neighbours.
        assertEquals(List.of("作品荣", "获，《回", "家》"), lines("作品荣获，《回家》", 4));
        assertEquals(List.of("称", "号。"), lines("称号。", 2));
    }

    @Test
    void quotesAndBracketsStayWithWhatTheyOpenAndClose() throws IOException {
        assertEquals(List.of("他说：", "“好。”", "然后", "（笑）走", "了」。"), lines("他说：“好。”然后（笑）走了」。", 4));
    }

    @Test
    void latinWordsBreakAtSpacesAndStraightQuotesStayWithTheirWords() throws IOException {
        assertEquals(List.of("the", "\"Way", "Home\""), lines("the \"Way Home\"", 6));
        assertEquals(List.of("Around", "Us\""), lines("Around Us\"", 7));
    }

    @Test
    void aWordWiderThanTheLineIsCut() throws IOException {
        assertEquals(List.of("HY20", "21-7"), lines("HY2021-7", 4));
    }

    @Test
    void anIndentStays() throws IOException {
        assertEquals(List.of("　　你的", "作品"), lines("　　你的作品", 4));
    }
}
