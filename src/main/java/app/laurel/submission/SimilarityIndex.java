package app.laurel.submission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The persisted side of 查重: every checked entry's {@linkplain Shingles#fingerprints() fingerprints} in
 * {@code similarity_fingerprint}, keyed by contest and fingerprint, so that checking one entry reads the posting
 * lists of its own fingerprints and then the texts of the few entries that share enough of them, never every
 * entry of the contest. The estimate only chooses candidates; each candidate's containment is then computed
 * exactly from both texts.
 * <p>
 * Plain JDBC on the caller's connection (inside a service's transaction, the one JPA uses): an entry's few
 * hundred fingerprints go in one statement, and the benchmark runs the very same code on a bare connection.
 * <p>
 * The fingerprint table has its primary key (contest, fingerprint, entry) and no other index, so that writing
 * millions of rows touches one B-tree (schema V32); an entry's rows are found for deletion by that key, from
 * the list of fingerprints its sketch keeps.
 */
public final class SimilarityIndex {

    /** Another entry that contains, or is contained in, the checked one to {@code containment} (0–1). */
    public record Match(long entryId, double containment) {
    }

    /** Below this many runs (about 55 characters) the shorter text is a phrase or a caption, not a story to copy. */
    static final int MIN_SHINGLES = 50;
    /**
     * A candidate shares at least this share of fingerprints (of the text with fewer): low enough that a copy at
     * the threshold is not lost to sampling (a 300-character story has ~37 fingerprints; 0.60 − 0.35 is three
     * standard deviations), high enough that texts sharing only the contest's common phrases are not read.
     */
    static final double CANDIDATE = 0.35;

    private SimilarityIndex() {
    }

    /**
     * Indexes the entry's text (replacing what was indexed for it before) and returns the other entries of the
     * contest, neither drafts nor withdrawn, whose containment with it reaches {@link SimilarityFlag#THRESHOLD}.
     */
    public static List<Match> check(Connection db, long contestId, long entryId, String text) throws SQLException {
        Shingles mine = Shingles.of(text);
        long[] fingerprints = mine.fingerprints();
        replace(db, contestId, entryId, mine.size(), fingerprints);
        if (mine.size() < MIN_SHINGLES || fingerprints.length == 0) {
            return List.of();
        }
        List<Long> candidates = candidates(db, contestId, entryId, fingerprints);
        List<Match> matches = new ArrayList<>();
        for (Map.Entry<Long, String> other : comparableTexts(db, candidates).entrySet()) {
            Shingles theirs = Shingles.of(other.getValue());
            double containment = mine.containment(theirs);
            if (theirs.size() >= MIN_SHINGLES && containment >= SimilarityFlag.THRESHOLD) {
                matches.add(new Match(other.getKey(), containment));
            }
        }
        return matches;
    }

    private static void replace(Connection db, long contestId, long entryId, int shingles, long[] fingerprints) throws SQLException {
        forget(db, List.of(entryId));
        try (PreparedStatement sketch = db.prepareStatement(INSERT_SKETCH + "(?, ?, ?, ?, ?)")) {
            setSketch(sketch, 1, entryId, contestId, shingles, fingerprints);
            sketch.executeUpdate();
        }
        if (fingerprints.length == 0) {
            return;
        }
        String rows = String.join(",", java.util.Collections.nCopies(fingerprints.length, "(?, ?, ?)"));
        try (PreparedStatement insert = db.prepareStatement(
                INSERT_ROWS + rows + KEEP_EXISTING_ROWS)) {
            int p = 1;
            for (long fingerprint : fingerprints) {
                insert.setLong(p++, contestId);
                insert.setLong(p++, fingerprint);
                insert.setLong(p++, entryId);
            }
            insert.executeUpdate();
        }
    }

    static final String INSERT_ROWS = "insert into similarity_fingerprint (contest_id, fingerprint, entry_id) values ";
    /** A row already there was written by a whole-contest pass stopped before the entry's sketch ({@link ContestSimilarity}). */
    static final String KEEP_EXISTING_ROWS = " on duplicate key update entry_id = entry_id";

    static final String INSERT_SKETCH = "insert into similarity_sketch (entry_id, contest_id, shingle_count, fingerprint_count,"
            + " fingerprints) values ";

    /** Binds one sketch row from parameter {@code at} on: five parameters. */
    static void setSketch(PreparedStatement insert, int at, long entryId, long contestId, int shingles, long[] fingerprints)
            throws SQLException {
        insert.setLong(at, entryId);
        insert.setLong(at + 1, contestId);
        insert.setInt(at + 2, shingles);
        insert.setInt(at + 3, fingerprints.length);
        java.nio.ByteBuffer packed = java.nio.ByteBuffer.allocate(fingerprints.length * Long.BYTES);
        for (long fingerprint : fingerprints) {
            packed.putLong(fingerprint);
        }
        insert.setBytes(at + 4, packed.array());
    }

    /**
     * Removes what was indexed for these entries, which marks them unchecked: their fingerprint rows, found by
     * primary key from the lists their sketches keep, then the sketches. A few hundred rows an entry.
     */
    static void forget(Connection db, List<Long> entryIds) throws SQLException {
        if (entryIds.isEmpty()) {
            return;
        }
        String in = entryIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        record Indexed(long entryId, long contestId, long[] fingerprints) {
        }
        List<Indexed> indexed = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select entry_id, contest_id, fingerprints from similarity_sketch"
                + " where entry_id in (" + in + ")"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                byte[] packed = rows.getBytes(3);
                java.nio.LongBuffer prints = java.nio.ByteBuffer.wrap(packed == null ? new byte[0] : packed).asLongBuffer();
                long[] fingerprints = new long[prints.remaining()];
                prints.get(fingerprints);
                indexed.add(new Indexed(rows.getLong(1), rows.getLong(2), fingerprints));
            }
        }
        for (Indexed entry : indexed) {
            deleteRows(db, entry.contestId(), entry.entryId(), entry.fingerprints());
        }
        try (PreparedStatement delete = db.prepareStatement("delete from similarity_sketch where entry_id in (" + in + ")")) {
            delete.executeUpdate();
        }
    }

    /** Removes an entry's index rows of these fingerprints: one statement, by primary key. */
    static void deleteRows(Connection db, long contestId, long entryId, long[] fingerprints) throws SQLException {
        if (fingerprints.length == 0) {
            return;
        }
        // Numbers this class computed, written as literals.
        String prints = Arrays.stream(fingerprints).mapToObj(Long::toString).collect(Collectors.joining(","));
        try (PreparedStatement delete = db.prepareStatement("delete from similarity_fingerprint where contest_id = ?"
                + " and fingerprint in (" + prints + ") and entry_id = ?")) {
            delete.setLong(1, contestId);
            delete.setLong(2, entryId);
            delete.executeUpdate();
        }
    }

    /** Those of these entries that are checked: they have a sketch. */
    static java.util.Set<Long> sketched(Connection db, List<Long> entryIds) throws SQLException {
        java.util.Set<Long> sketched = new java.util.HashSet<>();
        if (entryIds.isEmpty()) {
            return sketched;
        }
        String in = entryIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (PreparedStatement query = db.prepareStatement("select entry_id from similarity_sketch where entry_id in (" + in + ")");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sketched.add(rows.getLong(1));
            }
        }
        return sketched;
    }

    /** Entries sharing at least {@link #CANDIDATE} of the fingerprints of whichever of the two has fewer. */
    private static List<Long> candidates(Connection db, long contestId, long entryId, long[] fingerprints) throws SQLException {
        // The fingerprints are numbers this class computed, written as literals: one statement of a few hundred values.
        String in = Arrays.stream(fingerprints).mapToObj(Long::toString).collect(Collectors.joining(","));
        String sql = "select c.entry_id from (select entry_id, count(*) shared from similarity_fingerprint"
                + " where contest_id = ? and entry_id <> ? and fingerprint in (" + in + ") group by entry_id) c"
                + " join similarity_sketch s on s.entry_id = c.entry_id"
                + " where s.shingle_count >= ? and c.shared >= ? * least(?, s.fingerprint_count)";
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, contestId);
            query.setLong(2, entryId);
            query.setInt(3, MIN_SHINGLES);
            query.setDouble(4, CANDIDATE);
            query.setInt(5, fingerprints.length);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** What {@link Entry#comparableText()} gives, for the candidates that still take part (not drafts, not withdrawn). */
    static Map<Long, String> comparableTexts(Connection db, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, String> bodies = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("select id, body_text from entry where id in (" + in + ")"
                + " and status not in ('DRAFT', 'WITHDRAWN')"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                bodies.put(rows.getLong(1), rows.getString(2));
            }
        }
        Map<Long, List<String>> attachments = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("select ef.entry_id, f.extracted_text from entry_file ef"
                + " join stored_file f on f.id = ef.file_id where ef.entry_id in (" + in + ") and ef.role = 'ATTACHMENT'"
                + " order by ef.entry_id, ef.sort_order"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                attachments.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        Map<Long, String> texts = new LinkedHashMap<>();
        bodies.forEach((id, body) -> texts.put(id, Entry.comparableText(body, attachments.getOrDefault(id, List.of()))));
        return texts;
    }
}
