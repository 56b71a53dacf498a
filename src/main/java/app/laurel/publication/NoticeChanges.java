package app.laurel.publication;

import app.laurel.platform.i18n.Messages;
import app.laurel.platform.time.Clocks;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The words of a correction (更正) on a published notice, in Chinese like the notice itself: one line per changed
 * part, old and new side by side, a replaced body printed in full so that a reader can compare.
 */
final class NoticeChanges {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.ZONE);

    private NoticeChanges() {
    }

    /** A line for each part of the notice that the corrected text changes, in the order the notice prints them. */
    static List<String> between(Notice notice, NoticeText corrected) {
        List<String> lines = new ArrayList<>();
        if (!notice.getTitle().equals(corrected.title().strip())) {
            lines.add(text("notice.change.title", notice.getTitle(), corrected.title().strip()));
        }
        if (!notice.getBody().equals(corrected.body().strip())) {
            lines.add(text("notice.change.body", notice.getBody()));
        }
        if (notice.getListOrder() != corrected.order()) {
            lines.add(text("notice.change.order", text("listOrder." + notice.getListOrder()), text("listOrder." + corrected.order())));
        }
        if (!Objects.equals(notice.getEndsAt(), corrected.endsAt())) {
            lines.add(text("notice.change.endsAt", MINUTES.format(notice.getEndsAt()), MINUTES.format(corrected.endsAt())));
        }
        if (!notice.getContact().equals(corrected.contact().strip())) {
            lines.add(text("notice.change.contact", notice.getContact(), corrected.contact().strip()));
        }
        return lines;
    }

    /** The correction as printed: its date and reason, then the changes. */
    static String describe(String reason, List<String> changes, Instant now) {
        String date = DateTimeFormatter.ofPattern(text("notice.datePattern")).withZone(Clocks.ZONE).format(now);
        return text("notice.change.heading", date, reason) + "\n" + String.join("\n", changes);
    }

    private static String text(String key, Object... args) {
        return Messages.text(Messages.CHINESE, key, args);
    }
}
