package app.laurel.judging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads one entry's cards as the database joined them, "judge:total:primary,…" (whole numbers, judges by account
 * id), digit by digit into a {@link ScoreSums.Tally}: splitting the string made a dozen strings and arrays per card,
 * four million objects for a 40,000-entry round.
 */
final class JoinedCards {

    private JoinedCards() {
    }

    /**
     * Gives the tally the cards in {@code joined} (a string, or bytes where the driver sees it as binary). False when
     * the text is malformed or does not add up to what the database counted and summed for the same cards, which is
     * how a string the server cut short shows; the tally is then unusable.
     */
    static boolean read(Object joined, Map<Long, String> judges, ScoreSums.Tally tally, long count, long totalSum,
                        long primarySum) {
        String text = joined instanceof byte[] bytes ? new String(bytes, StandardCharsets.US_ASCII) : String.valueOf(joined);
        long[] card = new long[3]; // judge (an account id, a long), total, primary (ints)
        long cards = 0;
        long totals = 0;
        long primaries = 0;
        int at = 0;
        int length = text.length();
        while (at < length) {
            for (int part = 0; part < 3; part++) {
                int start = at;
                long value = 0;
                while (at < length && isDigit(text.charAt(at)) && at - start < 18) {
                    value = value * 10 + (text.charAt(at++) - '0');
                }
                char expected = part < 2 ? ':' : ',';
                boolean ends = at == length ? part == 2 : text.charAt(at) == expected;
                if (at == start || !ends || (part > 0 && value > Integer.MAX_VALUE)) {
                    return false;
                }
                card[part] = value;
                at++;
            }
            tally.card(judges.computeIfAbsent(card[0], String::valueOf), (int) card[1], (int) card[2]);
            cards++;
            totals += card[1];
            primaries += card[2];
        }
        return cards > 0 && cards == count && totals == totalSum && primaries == primarySum;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
