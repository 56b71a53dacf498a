package app.laurel.judging;

import app.laurel.submission.BlindText;

import java.util.Collection;

/**
 * Hides names from the text of an HTML fragment: every occurrence of a term becomes ■, one per character, so the
 * sentence keeps its shape ({@link BlindText}, where the rules live; judges get {@link BlindText#forJudges}, which
 * also finds the author's name in the forms people write it).
 */
public final class Redaction {

    private Redaction() {
    }

    public static String apply(String html, Collection<String> terms) {
        return BlindText.of(terms).html(html);
    }
}
