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

    /**
     * Decodes the text between tags (the sanitiser writes much punctuation, such as "，" and "（", as numeric
     * entities), blacks out the terms, and escapes it again, so a term matches however its characters were stored.
     */
    private static String hide(String text, List<String> terms) {
        String result = decode(text);
        for (String term : terms) {
            result = result.replace(term, "■".repeat(term.codePointCount(0, term.length())));
        }
        return result.equals(decode(text)) ? text : result.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");

    private static String decode(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String decoded = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1))));
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        entity.appendTail(out);
        return out.toString();
    }
}
