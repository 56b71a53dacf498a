package app.laurel.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * 查重 runs just after a submission commits, not inside it: tests that look for a flag first wait until the
 * entries have been checked (each has its similarity sketch), as an organiser would see a moment later.
 */
final class DuplicateChecks {

    private DuplicateChecks() {
    }

    static void awaitChecked(TestServer server, long... entryIds) throws Exception {
        String ids = Arrays.stream(entryIds).mapToObj(Long::toString).collect(Collectors.joining(","));
        long deadline = System.nanoTime() + 180_000_000_000L; // hundreds of entries on a busy machine
        int checked = 0;
        while (System.nanoTime() < deadline) {
            try (Connection db = server.connect(); PreparedStatement query = db.prepareStatement(
                    "select count(*) from similarity_sketch where entry_id in (" + ids + ")"); ResultSet row = query.executeQuery()) {
                row.next();
                checked = row.getInt(1);
            }
            if (checked == entryIds.length) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("only " + checked + " of " + entryIds.length + " entries were checked for duplicates within three minutes");
    }
}
