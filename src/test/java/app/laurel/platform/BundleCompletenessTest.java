package app.laurel.platform;

import app.laurel.platform.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every string a page or a service asks for exists in Chinese and in English. */
class BundleCompletenessTest {

    private static final Pattern PAGE_KEY = Pattern.compile("msg(?:\\['|\\.format\\(')([A-Za-z0-9_.]+)'");
    private static final Pattern CODE_KEY = Pattern.compile(
            "\"((?:validation|api|column|login|register|password|account|accounts|contest|token|error|home|nav|entry|upload|file|unit|setup|score|judging|screening|receipt|recommend|quota|entryStatus|entryType|fileRole|confirm|scorecardStatus|export|certificate|notice|objection|prize|round|rounds|verify|campaign|cellStatus|documentKind)\\.[A-Za-z0-9_.]+)\"");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(load("messages.properties").stringPropertyNames(), load("messages_en.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedInPagesAndCodeExists() throws IOException {
        Set<String> defined = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        collect(Path.of("src/main/webapp"), ".xhtml", PAGE_KEY, defined, missing);
        collect(Path.of("src/main/java"), ".java", CODE_KEY, defined, missing);
        assertTrue(missing.isEmpty(), "missing from the bundles: " + missing);
    }

    @Test
    void chineseUnlessEnglishIsAskedFor() {
        assertEquals(Messages.CHINESE, Messages.fromAcceptLanguage(null));
        assertEquals(Locale.ENGLISH, Messages.fromAcceptLanguage("en-US,en;q=0.9"));
        assertEquals(Messages.CHINESE, Messages.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Messages.CHINESE, Messages.fromAcceptLanguage("fr-FR"));
        assertEquals(Messages.CHINESE, Messages.fromAcceptLanguage(";;;garbage"));
        assertEquals("长度应为 3～32 个字符。", Messages.text(Messages.CHINESE, "validation.length", 3, 32));
        assertEquals("Must be 3 to 32 characters long.", Messages.text(Locale.ENGLISH, "validation.length", 3, 32));
    }

    private static void collect(Path root, String suffix, Pattern pattern, Set<String> defined, Set<String> missing) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    if (!key.endsWith(".") && !defined.contains(key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream("/app/laurel/i18n/" + name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
