package app.laurel.submission;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.Set;

/**
 * A story's text from the rich-text editor, made safe on the server with an allow-list (OWASP java-html-sanitizer):
 * paragraphs, emphasis, lists, headings and quotes survive; scripts, styles, links, images and event handlers do
 * not. Also gives the plain text, which the length rules count and duplicate detection compares.
 */
public record StoryText(String html, String text) {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "strong", "i", "em", "u", "s", "ol", "ul", "li", "h2", "h3", "h4", "blockquote")
            .toFactory();
    private static final Set<String> BLOCKS = Set.of("p", "br", "li", "h2", "h3", "h4", "blockquote", "ol", "ul");

    public static StoryText of(String untrustedHtml) {
        String input = untrustedHtml == null ? "" : untrustedHtml;
        String html = POLICY.sanitize(input);
        StringBuilder text = new StringBuilder();
        HtmlSanitizer.sanitize(html, POLICY.apply(new TextCollector(text)));
        return new StoryText(html, text.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n[ \\n]*", "\n").strip());
    }

    /** Characters as a reader counts them (字数): every character but white space, a Chinese character counting one. */
    public int length() {
        return countChars(text);
    }

    public static int countChars(String text) {
        return text == null ? 0 : (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    private record TextCollector(StringBuilder out) implements HtmlStreamEventReceiver {
        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String name, List<String> attrs) {
            if (BLOCKS.contains(name)) {
                out.append('\n');
            }
        }

        @Override
        public void closeTag(String name) {
            if (BLOCKS.contains(name)) {
                out.append('\n');
            }
        }

        @Override
        public void text(String text) {
            out.append(text);
        }
    }

}
