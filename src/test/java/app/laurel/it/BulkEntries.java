package app.laurel.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Copies of an accepted entry made straight in the database, each with its own owner (a citizen like the
 * original's) and its own copy of every file, bytes included: set-up for measuring what a list costs, where making
 * hundreds of entries through the API would take minutes. Each copy is marked as already checked for near
 * duplicates, so the background 查重 leaves the measured lists alone.
 */
final class BulkEntries {

    private static final String ENTRY_COLUMNS = "contest_id, entry_type, category_id, title, body_html, body_text, unit_id,"
            + " township_id, author_name, author_phone, author_org, originality_declared, display_consent, status,"
            + " status_reason, submitted_at, created_at, updated_at, recommended_at, recommended_by, redactions, may_reveal_author";
    private static final String FILE_COLUMNS = "original_name, media_type, size_bytes, sha256, duration_millis, width, height,"
            + " extracted_text, created_at, readability";

    private BulkEntries() {
    }

    /** Makes {@code copies} copies of entry {@code original}; their ids. */
    static List<Long> copy(TestServer server, long original, int copies) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection db = server.connect()) {
            db.setAutoCommit(false);
            for (int i = 0; i < copies; i++) {
                long owner = insert(db, "insert into account (username, password_hash, display_name, phone, email, unit_id,"
                        + " enabled, created_at, password_changed_at) select ?, a.password_hash, a.display_name, a.phone, a.email,"
                        + " a.unit_id, a.enabled, a.created_at, a.password_changed_at from account a join entry e on e.owner_id = a.id"
                        + " where e.id = ?", Api.uniqueName("bulk"), original);
                update(db, "insert into account_role (account_id, role) select ?, r.role from account_role r"
                        + " join entry e on e.owner_id = r.account_id where e.id = ?", owner, original);
                long entry = insert(db, "insert into entry (" + ENTRY_COLUMNS + ", owner_id, receipt_no) select " + ENTRY_COLUMNS
                        + ", ?, ? from entry where id = ?", owner, "B" + Api.uniqueName("").toUpperCase() + String.format("%04d", i),
                        original);
                update(db, "insert into similarity_sketch (entry_id, contest_id, shingle_count, fingerprint_count)"
                        + " select ?, contest_id, 0, 0 from entry where id = ?", entry, original);
                for (long[] file : files(db, original)) {
                    String name = UUID.randomUUID().toString().replace("-", "");
                    long copy = insert(db, "insert into stored_file (stored_name, owner_id, " + FILE_COLUMNS + ") select ?, ?, "
                            + FILE_COLUMNS + " from stored_file where id = ?", name, owner, file[0]);
                    Path bytes = server.storedFile(file[0]);
                    Path target = bytes.getParent().resolveSibling(name.substring(0, 2)).resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.copy(bytes, target);
                    update(db, "insert into entry_file (entry_id, file_id, role, sort_order) select ?, ?, role, sort_order"
                            + " from entry_file where id = ?", entry, copy, file[1]);
                }
                ids.add(entry);
            }
            db.commit();
        }
        return ids;
    }

    /** The original's files: {stored file id, entry_file id}. */
    private static List<long[]> files(Connection db, long entry) throws Exception {
        List<long[]> files = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select file_id, id from entry_file where entry_id = ?")) {
            query.setLong(1, entry);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    files.add(new long[] {rows.getLong(1), rows.getLong(2)});
                }
            }
        }
        return files;
    }

    private static long insert(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement insert = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, values);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("nothing inserted by " + sql);
            }
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private static void update(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement update = db.prepareStatement(sql)) {
            bind(update, values);
            update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
