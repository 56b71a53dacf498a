package app.laurel.bench;

import app.laurel.devserver.EmbeddedDatabase;
import app.laurel.submission.Shingles;
import app.laurel.submission.SimilarityIndex;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * 查重 for one entry against 40,000 stored entries of one contest, on the real MariaDB with the real schema:
 * the stored entries' texts and fingerprints are loaded in bulk, then each measured entry is checked by the
 * very code a submission runs ({@link SimilarityIndex#check}: index its fingerprints, find the candidates,
 * read their texts, compute containment exactly) in its own transaction. Half the measured entries copy 60–90 %
 * of a stored one, so the figure includes reading and comparing real candidates; each copy must be found.
 * <p>
 * The texts are synthetic but shaped like a contest on one theme: words of two to four characters drawn from a
 * vocabulary of 3,000 with Zipf frequencies, so common five-character runs recur across thousands of entries,
 * 300 to 3,000 characters each. Run alone: {@code mvn -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:exec@bench-similarity}.
 */
public final class SimilarityBenchmark {

    private static final int STORED = 40_000;
    private static final int MEASURED = 41;
    private static final long CONTEST = 1;
    private static final Random RANDOM = new Random(42);
    private static final String[] WORDS = vocabulary(3_000);
    private static final double[] ZIPF = zipf(WORDS.length);

    private SimilarityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath();
        Files.createDirectories(work);
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("similarity-db-" + System.nanoTime()), work.resolve("mariadb"))) {
            Flyway.configure().dataSource(db.jdbcUrl(), "laurel", "laurel").locations("classpath:db/migration")
                    .placeholderReplacement(false).load().migrate();
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl() + "&rewriteBatchedStatements=true", "laurel", "laurel")) {
                List<String> stored = new ArrayList<>();
                for (int i = 0; i < STORED; i++) {
                    stored.add(story(300 + RANDOM.nextInt(2_701)));
                }
                long t0 = System.nanoTime();
                long fingerprints = seed(connection, stored);
                System.out.printf("seeded %,d entries and %,d fingerprints in %.0f s%n", STORED, fingerprints, (System.nanoTime() - t0) / 1e9);
                measure(connection, stored);
            }
        }
    }

    private static void measure(Connection connection, List<String> stored) throws Exception {
        connection.setAutoCommit(false);
        List<Double> millis = new ArrayList<>();
        int copies = 0;
        int found = 0;
        int falseMatches = 0;
        for (int i = 0; i < MEASURED + 5; i++) {
            boolean copy = i % 2 == 0;
            int source = RANDOM.nextInt(STORED);
            String text = copy ? copyOf(stored.get(source), 0.6 + RANDOM.nextDouble() * 0.3) : story(300 + RANDOM.nextInt(2_701));
            long id = STORED + 1 + i;
            insertEntry(connection, id, text);
            long t0 = System.nanoTime();
            List<SimilarityIndex.Match> matches = SimilarityIndex.check(connection, CONTEST, id, text);
            connection.commit();
            double elapsed = (System.nanoTime() - t0) / 1e6;
            if (i >= 5) { // the first five warm the JIT and the buffer pool
                millis.add(elapsed);
                if (copy) {
                    copies++;
                    found += matches.stream().anyMatch(m -> m.entryId() == source + 1) ? 1 : 0;
                }
                falseMatches += (int) matches.stream().filter(m -> !copy || m.entryId() != source + 1).count();
            }
        }
        millis.sort(Double::compare);
        System.out.printf("check of one entry against %,d entries: median %.1f ms, 95th percentile %.1f ms, max %.1f ms (n=%d)%n",
                STORED, millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
                millis.get(millis.size() - 1), millis.size());
        System.out.printf("copies of 60-90 %% found: %d of %d; other matches: %d%n", found, copies, falseMatches);
    }

    /** Entries, sketches and fingerprints as the check stores them, the fingerprints sorted for a fast bulk load. */
    private static long seed(Connection connection, List<String> texts) throws Exception {
        connection.setAutoCommit(false);
        try (Statement session = connection.createStatement()) {
            session.execute("SET foreign_key_checks = 0"); // no contest or account rows: only the index is measured
        }
        List<long[]> postings = new ArrayList<>();
        try (PreparedStatement sketch = connection.prepareStatement(
                "insert into similarity_sketch (entry_id, contest_id, shingle_count, fingerprint_count) values (?, ?, ?, ?)")) {
            for (int i = 0; i < texts.size(); i++) {
                long id = i + 1;
                insertEntry(connection, id, texts.get(i));
                Shingles shingles = Shingles.of(texts.get(i));
                long[] fingerprints = shingles.fingerprints();
                sketch.setLong(1, id);
                sketch.setLong(2, CONTEST);
                sketch.setInt(3, shingles.size());
                sketch.setInt(4, fingerprints.length);
                sketch.addBatch();
                for (long f : fingerprints) {
                    postings.add(new long[]{f, id});
                }
                if (id % 1_000 == 0) {
                    sketch.executeBatch();
                    connection.commit();
                }
            }
            sketch.executeBatch();
        }
        postings.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into similarity_fingerprint (contest_id, fingerprint, entry_id) values (?, ?, ?)")) {
            int n = 0;
            for (long[] p : postings) {
                insert.setLong(1, CONTEST);
                insert.setLong(2, p[0]);
                insert.setLong(3, p[1]);
                insert.addBatch();
                if (++n % 20_000 == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("analyze table similarity_fingerprint, similarity_sketch, entry");
        }
        return postings.size();
    }

    private static void insertEntry(Connection connection, long id, String text) throws Exception {
        try (PreparedStatement entry = connection.prepareStatement("insert into entry (id, contest_id, entry_type, owner_id, status,"
                + " body_text, created_at, updated_at) values (?, ?, 'STORY', 1, 'SUBMITTED', ?, ?, ?)")) {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            entry.setLong(1, id);
            entry.setLong(2, CONTEST);
            entry.setString(3, text);
            entry.setTimestamp(4, now);
            entry.setTimestamp(5, now);
            entry.executeUpdate();
        }
    }

    /** {@code share} of the result is the original's sentences from a random place, the rest new. */
    private static String copyOf(String original, double share) {
        String[] sentences = original.split("(?<=。)");
        int take = Math.max(1, (int) Math.round(sentences.length * share));
        int from = RANDOM.nextInt(sentences.length - take + 1);
        String copied = String.join("", Arrays.asList(sentences).subList(from, from + take)).replace("，", ", ");
        return copied + story((int) (copied.length() * (1 - share) / share));
    }

    private static String story(int length) {
        StringBuilder text = new StringBuilder();
        int sentence = 0;
        while (text.length() < length) {
            text.append(WORDS[word()]);
            if (++sentence % (6 + RANDOM.nextInt(10)) == 0) {
                text.append(RANDOM.nextInt(3) == 0 ? "。" : "，");
            }
        }
        return text.append("。").toString();
    }

    private static int word() {
        int i = Arrays.binarySearch(ZIPF, RANDOM.nextDouble());
        return Math.min(WORDS.length - 1, i < 0 ? -i - 1 : i);
    }

    private static String[] vocabulary(int size) {
        Random random = new Random(7);
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            StringBuilder w = new StringBuilder();
            for (int c = 2 + random.nextInt(3); c > 0; c--) {
                w.appendCodePoint(0x4E00 + random.nextInt(2_500));
            }
            words[i] = w.toString();
        }
        return words;
    }

    /** Cumulative Zipf (s = 1) probabilities: the word of rank r is drawn with probability proportional to 1/r. */
    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int r = 0; r < size; r++) {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        for (int r = 0; r < size; r++) {
            cumulative[r] /= sum;
        }
        return cumulative;
    }
}
