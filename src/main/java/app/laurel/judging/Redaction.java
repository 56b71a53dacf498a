package app.laurel.judging;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides names from the text judges read: every occurrence of a term in the text of an HTML fragment becomes ■,
 * one per character, so the sentence keeps its shape. Tags and attributes are left alone (a term inside a tag
 * would break the markup, and the sanitised story HTML carries no names there). Longer terms go first so that
 * "城关镇派出所" is hidden whole before "城关镇".
 */
public final class Redaction {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private Redaction() {
    }

    public static String apply(String html, Collection<String> terms) {
        if (html == null || terms.isEmpty()) {
            return html;
        }
        List<String> ordered = terms.stream().filter(Objects::nonNull).map(String::strip).filter(t -> t.length() >= 2)
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        if (ordered.isEmpty()) {
            return html;
        }
        StringBuilder out = new StringBuilder();
        Matcher tag = TAG.matcher(html);
        int at = 0;
        while (tag.find()) {
            out.append(hide(html.substring(at, tag.start()), ordered)).append(tag.group());
            at = tag.end();
        }
        return out.append(hide(html.substring(at), ordered)).toString();
    }

    private static String hide(String text, List<String> terms) {
        String result = text;
        for (String term : terms) {
            String blacked = "■".repeat(term.codePointCount(0, term.length()));
            result = result.replace(term, blacked).replace(encoded(term), blacked);
        }
        return result;
    }

    /** The term as the story sanitiser writes it: '@', '+' and '=' become numeric entities (an e-mail address). */
    private static String encoded(String term) {
        return term.replace("&", "&amp;").replace("@", "&#64;").replace("+", "&#43;").replace("=", "&#61;");
    }
}
