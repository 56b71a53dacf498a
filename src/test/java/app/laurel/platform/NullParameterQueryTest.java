package app.laurel.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No query tests a bound parameter for null ({@code :unit is not null}): EclipseLink cannot bind an entity there
 * and the request fails with 500 (issue 10). A condition that depends on a value is added only when it is present.
 */
class NullParameterQueryTest {

    private static final Pattern PARAMETER_TESTED_FOR_NULL = Pattern.compile("[:?]\\w*\\s+is\\s+(not\\s+)?null", Pattern.CASE_INSENSITIVE);

    @Test
    void noQueryTestsAParameterForNull() throws IOException {
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                    Matcher m = PARAMETER_TESTED_FOR_NULL.matcher(line);
                    if (!comment && m.find()) {
                        found.add(file + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "parameters tested for null in queries:\n" + String.join("\n", found));
    }
}
