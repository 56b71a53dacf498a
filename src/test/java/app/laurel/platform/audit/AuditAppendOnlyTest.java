package app.laurel.platform.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The audit trail has no way to rewrite itself in the code: its entity offers nothing that changes a line once made,
 * and no query anywhere updates or deletes one (the database refuses both as well: AuditLogIT).
 */
class AuditAppendOnlyTest {

    private static final Pattern REWRITE = Pattern.compile(
            "(?is)(update\\s+(AuditEvent|audit_event)\\b|delete\\s+from\\s+(AuditEvent|audit_event)\\b|truncate\\s+(table\\s+)?audit_event)");

    @Test
    void theEntityOnlyReads() {
        List<String> writers = Arrays.stream(AuditEvent.class.getDeclaredMethods())
                .filter(m -> !Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic() && !m.getName().startsWith("_persistence"))
                .map(Method::getName).filter(name -> !name.startsWith("get")).toList();
        assertEquals(List.of(), writers);
    }

    @Test
    void noCodeUpdatesOrDeletesALine() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return REWRITE.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), offenders);
        }
    }
}
