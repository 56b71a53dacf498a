package app.laurel.platform;

import app.laurel.platform.persistence.InstantConverter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void storesUtcWallClockAndReadsItBack() {
        Instant deadline = Instant.parse("2021-06-10T10:00:00Z"); // 18:00 in Asia/Shanghai
        assertEquals(LocalDateTime.parse("2021-06-10T10:00:00"), converter.convertToDatabaseColumn(deadline));
        assertEquals(deadline, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(deadline)));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
