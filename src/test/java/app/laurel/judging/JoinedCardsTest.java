package app.laurel.judging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An entry's cards as the database joins them ("judge:total:primary,…") give the same sums as the cards themselves,
 * and a string the server cut short, or one that is not of that form, is refused rather than half read.
 */
class JoinedCardsTest {

    private static final String JOINED = "12:161:33,7:158:30,12000:170:35";

    @Test
    void aJoinedStringGivesTheSumsOfItsCards() {
        ScoreSums.Tally tally = new ScoreSums.Tally(true);
        assertTrue(JoinedCards.read(JOINED, new HashMap<>(), tally, 3, 489, 98));
        tally.endEntry(5);
        ScoreSums expected = ScoreSums.of(List.of(new EntryTotals(5, List.of(new JudgeTotal("12", 161, 33),
                new JudgeTotal("7", 158, 30), new JudgeTotal("12000", 170, 35)))));
        assertEquals(expected, tally.sums());
        assertEquals(new ScoreSums.Entry(5, 3, 489, 98, 158, 170, 1, 2, 161, 161), tally.sums().entries().get(0));
    }

    @Test
    void bytesReadAsTheStringAndEachJudgeIsNamedOnce() {
        Map<Long, String> judges = new HashMap<>();
        ScoreSums.Tally tally = new ScoreSums.Tally(true);
        assertTrue(JoinedCards.read(JOINED.getBytes(StandardCharsets.US_ASCII), judges, tally, 3, 489, 98));
        tally.endEntry(1);
        assertTrue(JoinedCards.read("12:150:30", judges, tally, 1, 150, 30));
        tally.endEntry(2);
        assertEquals(3, judges.size());
        ScoreSums sums = tally.sums();
        assertEquals(new ScoreSums.Judge("12", 2, 311, 161L * 161 + 150L * 150, 1), sums.judges().get("12"));
        assertEquals(4, sums.cards().size());
    }

    @Test
    void aStringCutShortOrMalformedIsRefused() {
        // Cut inside the last primary score: the count is right, the sum of primaries is not.
        assertFalse(read("12:161:33,7:158:30,12000:170:3"));
        // Cut after a separator, or a card short of its parts.
        assertFalse(read("12:161:33,7:158:30,12000:"));
        assertFalse(read("12:161:33,7:158:30,"));
        assertFalse(read("12:161:33,7:158,12000:170:35"));
        // Not of the form at all.
        assertFalse(read("12:161:33,7:-158:30,12000:170:35"));
        assertFalse(read("12:161:33;7:158:30;12000:170:35"));
        assertFalse(read(""));
        assertFalse(read("12:161:33,7:158:30,12000:170:35,99:99999999999:1"));
        assertTrue(read(JOINED), "the whole string is read");
        // A judge is an account id, which may pass an int; a total or primary score may not.
        assertTrue(JoinedCards.read("3000000000:161:33", new HashMap<>(), new ScoreSums.Tally(false), 1, 161, 33));
    }

    private static boolean read(String joined) {
        return JoinedCards.read(joined, new HashMap<>(), new ScoreSums.Tally(false), 3, 489, 98);
    }
}
