package app.laurel.platform.audit;

import app.laurel.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The audit log's filter: Beijing days, both ends included; blank is "any"; wrong input named by its field. */
class AuditFilterTest {

    @Test
    void daysAreBeijingDaysWithBothEndsIncluded() {
        AuditFilter filter = AuditFilter.of(" HY2021 ", "", null, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));
        assertEquals("HY2021", filter.contest());
        assertNull(filter.account());
        assertEquals(Instant.parse("2026-11-30T16:00:00Z"), filter.since());
        assertEquals(Instant.parse("2026-12-02T16:00:00Z"), filter.before());
    }

    @Test
    void everyWrongFieldIsNamed() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> AuditFilter.of("X".repeat(21), null,
                "score changed", LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1)));
        assertEquals(List.of("contest", "action", "to"), refused.errors().stream().map(e -> e.field()).toList());
    }
}
