package app.laurel.submission;

import app.laurel.devserver.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole-contest pass of 查重 ({@link ContestSimilarity}) finds exactly the pairs, and writes exactly the index,
 * that checking the same entries one by one ({@link SimilarityIndex#check}, the sweep's way) does, on the real
 * MariaDB with the real schema: copies of 60–95 %, texts too short to compare, texts made mostly of the contest's
 * stock phrases, drafts and withdrawn entries, and entries checked before the pass. The posting lists counted as
 * common are made tiny here, so that the path that skips them, and its fallback, carry the result.
 */
class ContestSimilarityIT {

    private static final long CONTEST = 1;
    private static final String[] STOCK = {"禁毒宣传进社区", "珍爱生命远离毒品", "志愿者走进校园"};

    @TempDir
    static Path dir;
    private static EmbeddedDatabase database;

    @BeforeAll
    static void start() throws Exception {
        database = EmbeddedDatabase.start(dir.resolve("db"), dir.resolve("mariadb"));
        Flyway.configure().dataSource(database.jdbcUrl(), "laurel", "laurel").locations("classpath:db/migration")
                .placeholderReplacement(false).load().migrate();
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theWholeContestPassFlagsAndIndexesExactlyWhatCheckingOneByOneDoes() throws Exception {
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), "laurel", "laurel")) {
            db.setAutoCommit(false);
            try (Statement session = db.createStatement()) {
                session.execute("SET foreign_key_checks = 0");
            }
            Random random = new Random(3);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 260; i++) {
                String text = switch (i % 13) {
                    case 5 -> copyOf(texts.get(random.nextInt(i)), 0.6 + random.nextDouble() * 0.35, random);
                    case 7 -> "短短一句话。";
                    case 9 -> stock(random, 400) + story(random, 60);
                    default -> story(random, 200 + random.nextInt(600));
                };
                texts.add(text);
                String status = i % 31 == 30 ? "WITHDRAWN" : i % 37 == 36 ? "DRAFT" : "SUBMITTED";
                insert(db, i + 1, text, status, i);
            }
            db.commit();
            List<Long> before = new ArrayList<>();
            List<Long> unchecked = new ArrayList<>();
            for (long id = 1; id <= texts.size(); id++) {
                if (status(db, id).equals("SUBMITTED")) {
                    (id <= 60 ? before : unchecked).add(id);
                }
            }
            for (long id : before) {
                SimilarityIndex.check(db, CONTEST, id, texts.get((int) id - 1));
            }
            db.commit();

            Set<String> oneByOne = new TreeSet<>();
            for (long id : unchecked) {
                for (SimilarityIndex.Match m : SimilarityIndex.check(db, CONTEST, id, texts.get((int) id - 1))) {
                    oneByOne.add(id + ">" + m.entryId() + " " + Math.round(m.containment() * 10_000));
                }
            }
            db.commit();
            Set<String> indexedOneByOne = index(db);
            forget(db, unchecked);

            ContestSimilarity.Plan plan = ContestSimilarity.plan(db, CONTEST, unchecked, 4);
            db.commit();
            int checked = 0;
            while (plan.writeFingerprints(db)) {
                db.commit();
            }
            db.commit();
            for (List<Long> chunk : plan.chunks()) {
                checked += plan.index(db, chunk).size();
            }
            db.commit();
            Set<String> inOnePass = new TreeSet<>();
            plan.pairs().forEach(p -> inOnePass.add(p.later() + ">" + p.earlier() + " " + Math.round(p.containment() * 10_000)));

            assertTrue(oneByOne.size() >= 15, "the copies are flagged one by one: " + oneByOne);
            assertEquals(oneByOne, inOnePass);
            assertEquals(unchecked.size(), checked);
            assertEquals(indexedOneByOne, index(db), "the same sketches and fingerprints");

            // Checked again with a new text, an entry's rows are found by key and replaced: none of the old text's remain.
            long again = unchecked.get(0);
            long others = count(db, "select count(*) from similarity_fingerprint where entry_id <> " + again);
            String newText = story(random, 500);
            SimilarityIndex.check(db, CONTEST, again, newText);
            Set<Long> expected = new TreeSet<>();
            for (long f : Shingles.of(newText).fingerprints()) {
                expected.add(f);
            }
            Set<Long> stored = new TreeSet<>();
            try (Statement query = db.createStatement();
                 ResultSet r = query.executeQuery("select fingerprint from similarity_fingerprint where entry_id = " + again)) {
                while (r.next()) {
                    stored.add(r.getLong(1));
                }
            }
            assertEquals(expected, stored, "the entry's index rows are its new text's");
            assertEquals(others, count(db, "select count(*) from similarity_fingerprint where entry_id <> " + again));
            // Forgetting (a resubmission requeues the check) leaves nothing of the entry and everything of the others.
            SimilarityIndex.forget(db, List.of(again));
            assertEquals(0, count(db, "select count(*) from similarity_fingerprint where entry_id = " + again));
            assertEquals(0, count(db, "select count(*) from similarity_sketch where entry_id = " + again));
            assertEquals(others, count(db, "select count(*) from similarity_fingerprint where entry_id <> " + again));
            db.commit();
        }
    }

    @Test
    void aPassStoppedAfterItsRowsOrOvertakenByAnEditLeavesNoWrongIndex() throws Exception {
        long contest = 2;
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), "laurel", "laurel")) {
            db.setAutoCommit(false);
            try (Statement session = db.createStatement()) {
                session.execute("SET foreign_key_checks = 0");
            }
            Random random = new Random(5);
            List<String> texts = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String text = i == 1 ? copyOf(texts.get(0), 0.9, random) : story(random, 400);
                texts.add(text);
                ids.add(1001L + i);
                insert(db, contest, 1001 + i, text, "SUBMITTED", i);
            }
            db.commit();

            ContestSimilarity.Plan stopped = ContestSimilarity.plan(db, contest, ids, 4);
            IllegalStateException early = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> stopped.index(db, stopped.chunks().get(0)));
            assertTrue(early.getMessage().contains("fingerprints"), early.getMessage());
            while (stopped.writeFingerprints(db)) {
                db.commit();
            }
            db.commit();
            // The pass stops here (a restart): rows without sketches. Entry 1006 is then checked on its own, over its rows.
            assertEquals(0, count(db, "select count(*) from similarity_sketch where contest_id = " + contest));
            SimilarityIndex.check(db, contest, 1006, texts.get(5));
            db.commit();

            // The next pass writes the same rows again; entry 1003 is edited after it read the texts.
            List<Long> rest = ids.subList(0, 5);
            ContestSimilarity.Plan next = ContestSimilarity.plan(db, contest, rest, 4);
            db.commit();
            while (next.writeFingerprints(db)) {
                db.commit();
            }
            db.commit();
            try (Statement edit = db.createStatement()) {
                edit.executeUpdate("update entry set body_text = '改写后的故事', updated_at = updated_at + interval 1 hour where id = 1003");
            }
            db.commit();
            Set<Long> checked = new TreeSet<>();
            for (List<Long> chunk : next.chunks()) {
                checked.addAll(next.index(db, chunk));
            }
            db.commit();

            assertEquals(Set.of(1001L, 1002L, 1004L, 1005L), checked, "the edited entry is left for the next sweep");
            assertTrue(next.pairs().stream().anyMatch(p -> p.later() == 1002 && p.earlier() == 1001), "the copy: " + next.pairs());
            assertEquals(0, count(db, "select count(*) from similarity_fingerprint where entry_id = 1003"), "its old text's rows");
            assertEquals(0, count(db, "select count(*) from similarity_sketch where entry_id = 1003"));
            for (long id : List.of(1001L, 1002L, 1004L, 1005L, 1006L)) {
                Set<Long> expected = new TreeSet<>();
                for (long f : Shingles.of(texts.get((int) (id - 1001))).fingerprints()) {
                    expected.add(f);
                }
                Set<Long> stored = new TreeSet<>();
                try (Statement query = db.createStatement();
                     ResultSet r = query.executeQuery("select fingerprint from similarity_fingerprint where entry_id = " + id)) {
                    while (r.next()) {
                        stored.add(r.getLong(1));
                    }
                }
                assertEquals(expected, stored, "entry " + id + "'s rows, once each");
            }
            try (Statement clean = db.createStatement()) {
                clean.executeUpdate("delete from similarity_flag where contest_id = " + contest);
                clean.executeUpdate("delete from similarity_fingerprint where contest_id = " + contest);
                clean.executeUpdate("delete from similarity_sketch where contest_id = " + contest);
                clean.executeUpdate("delete from entry where contest_id = " + contest);
            }
            db.commit();
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement query = db.createStatement(); ResultSet r = query.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Set<String> index(Connection db) throws Exception {
        Set<String> rows = new TreeSet<>();
        try (Statement query = db.createStatement()) {
            try (ResultSet r = query.executeQuery("select entry_id, contest_id, shingle_count, fingerprint_count, hex(fingerprints)"
                    + " from similarity_sketch")) {
                while (r.next()) {
                    rows.add("s" + r.getLong(1) + "/" + r.getLong(2) + "/" + r.getInt(3) + "/" + r.getInt(4) + "/" + r.getString(5));
                }
            }
            try (ResultSet r = query.executeQuery("select contest_id, fingerprint, entry_id from similarity_fingerprint")) {
                while (r.next()) {
                    rows.add("f" + r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3));
                }
            }
        }
        return rows;
    }

    private static void forget(Connection db, List<Long> ids) throws Exception {
        String in = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        try (Statement delete = db.createStatement()) {
            delete.executeUpdate("delete from similarity_fingerprint where entry_id in (" + in + ")");
            delete.executeUpdate("delete from similarity_sketch where entry_id in (" + in + ")");
        }
        db.commit();
    }

    private static String status(Connection db, long id) throws Exception {
        try (PreparedStatement query = db.prepareStatement("select status from entry where id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void insert(Connection db, long id, String text, String status, int second) throws Exception {
        insert(db, CONTEST, id, text, status, second);
    }

    private static void insert(Connection db, long contest, long id, String text, String status, int second) throws Exception {
        try (PreparedStatement entry = db.prepareStatement("insert into entry (id, contest_id, entry_type, owner_id, status,"
                + " body_text, created_at, updated_at, submitted_at) values (?, ?, 'STORY', 1, ?, ?, ?, ?, ?)")) {
            Timestamp at = new Timestamp(1_800_000_000_000L + second * 1_000L);
            entry.setLong(1, id);
            entry.setLong(2, contest);
            entry.setString(3, status);
            entry.setString(4, text);
            entry.setTimestamp(5, at);
            entry.setTimestamp(6, at);
            entry.setTimestamp(7, at);
            entry.executeUpdate();
        }
    }

    /** Words from a small vocabulary, so that many five-character runs recur across entries. */
    private static String story(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            for (int w = 0; w < 8; w++) {
                int word = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 400);
                text.appendCodePoint(0x4E00 + word * 3).appendCodePoint(0x4E01 + word * 5 % 2_000);
            }
            text.append(random.nextInt(3) == 0 ? "。" : "，");
        }
        return text.toString();
    }

    private static String stock(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(STOCK[random.nextInt(STOCK.length)]).append("，");
        }
        return text.toString();
    }

    private static String copyOf(String original, double share, Random random) {
        String[] sentences = original.split("(?<=[。，])");
        int take = Math.max(1, (int) Math.round(sentences.length * share));
        int from = random.nextInt(sentences.length - take + 1);
        String copied = String.join("", List.of(sentences).subList(from, from + take));
        return copied + story(random, (int) (copied.length() * (1 - share) / share));
    }
}
