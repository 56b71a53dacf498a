package app.laurel.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Shows stored instants (UTC in the database) as Asia/Shanghai wall-clock time on pages: {@code #{fmt.dateTime(x)}};
 * and file sizes in words people use ({@code #{fmt.size(f.sizeBytes)}}).
 */
@Named("fmt")
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(Clocks.ZONE);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(Clocks.ZONE);

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** The date as an official document prints it under its issuing body (落款): 2026年12月2日. */
    public String chineseDate(Instant instant) {
        return instant == null ? "" : CHINESE_DATE.format(instant);
    }

    /** A file's size as people read it: 512 B, 38 KB, 2.3 MB, 1.2 GB (units of 1,024, as file managers show them). */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.min(1023, Math.round(bytes / 1024.0)) + " KB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
