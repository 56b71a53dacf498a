package app.laurel.platform.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One kind of confirmation: the layout's in-page dialog, asked for with {@code <p:confirm/>}. A native
 * {@code confirm()} in an event attribute looks different, puts "确定" first on some phones, and cannot keep the focus
 * off the irreversible button, so no page may use one; nor may our scripts.
 */
class OneConfirmationKindTest {

    /** An on… attribute whose script calls confirm(…), whichever quotes it uses. */
    private static final Pattern NATIVE_IN_ATTRIBUTE = Pattern.compile(
            "\\bon[a-z]+\\s*=\\s*(\"[^\"]*\\bconfirm\\s*\\([^\"]*\"|'[^']*\\bconfirm\\s*\\([^']*')", Pattern.CASE_INSENSITIVE);
    private static final Pattern NATIVE_IN_SCRIPT = Pattern.compile("(?<![.\\w])(window\\.)?confirm\\s*\\(");

    @Test
    void noPageAsksWithTheBrowsersOwnConfirm() throws IOException {
        List<String> found = new ArrayList<>();
        scan(Path.of("src/main/webapp"), ".xhtml", NATIVE_IN_ATTRIBUTE, found);
        scan(Path.of("webapp-assets/js"), ".js", NATIVE_IN_SCRIPT, found);
        assertEquals(List.of(), found, "use <p:confirm message=…/> inside the button instead");
    }

    @Test
    void theCheckFindsTheFormItReplaces() {
        assertEquals(true, NATIVE_IN_ATTRIBUTE.matcher("<p:commandButton onclick=\"return confirm('删除吗？')\"/>").find());
        assertEquals(true, NATIVE_IN_SCRIPT.matcher("if (window.confirm(text)) {").find());
        assertEquals(false, NATIVE_IN_ATTRIBUTE.matcher("<p:confirm message=\"#{msg['round.delete.confirm']}\"/>").find());
        assertEquals(false, NATIVE_IN_SCRIPT.matcher("PrimeFaces.confirm({message: m});").find());
    }

    private static void scan(Path root, String suffix, Pattern pattern, List<String> found) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    int line = text.substring(0, m.start()).split("\n", -1).length;
                    found.add(file + ":" + line + ": " + m.group().strip());
                }
            }
        }
    }
}
