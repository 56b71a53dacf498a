package app.laurel.bench;

import app.laurel.devserver.EmbeddedDatabase;
import app.laurel.submission.ContestSimilarity;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Copies planted among the stored entries, each of 60-90 % of an earlier entry. */
    private static final int PLANTED = 40;
    private static final long BUFFER_POOL = 1L << 30;
    private static final Random RANDOM = new Random(42);
    private static final String[] WORDS = vocabulary(3_000);
    private static final double[] ZIPF = zipf(WORDS.length);

    private SimilarityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath();
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (passes < 1 || passes > 20) {
            throw new IllegalArgumentException("the number of whole-contest passes must be 1 to 20, not " + passes);
        }
        Files.createDirectories(work);
        System.out.printf("machine: %d cores, Java %s; load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Files.readString(Path.of("/proc/loadavg")).trim());
        Path data = work.resolve("similarity-db-" + System.nanoTime());
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, work.resolve("mariadb"))) {
            try (Connection root = DriverManager.getConnection(db.jdbcUrl(), "root", ""); Statement set = root.createStatement()) {
                // Production's buffer pool, not the development default of 64 MB: the 40,000 entries' index fits in it.
                set.execute("SET GLOBAL innodb_buffer_pool_size = " + BUFFER_POOL);
            }
            Flyway.configure().dataSource(db.jdbcUrl(), "laurel", "laurel").locations("classpath:db/migration")
                    .placeholderReplacement(false).load().migrate();
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl() + "&rewriteBatchedStatements=true", "laurel", "laurel")) {
                List<String> stored = new ArrayList<>();
                Map<Long, Long> planted = new HashMap<>();
                for (int i = 0; i < STORED; i++) {
                    if (i % (STORED / PLANTED) == STORED / PLANTED - 1) {
                        int source = RANDOM.nextInt(i);
                        planted.put((long) i + 1, (long) source + 1);
                        stored.add(copyOf(stored.get(source), 0.6 + RANDOM.nextDouble() * 0.3));
                    } else {
                        stored.add(story(300 + RANDOM.nextInt(2_701)));
                    }
                }
                long t0 = System.nanoTime();
                seed(connection, stored);
                System.out.printf("seeded %,d entries (%d of them copies of 60-90 %% of an earlier one) in %.0f s; InnoDB buffer pool %d MB%n",
                        STORED, planted.size(), (System.nanoTime() - t0) / 1e9, BUFFER_POOL >> 20);
                wholeContest(connection, planted, passes);
                measure(connection, stored);
            }
        } finally {
            delete(data);
        }
    }

    /**
     * The whole contest unchecked, as after an import: {@link ContestSimilarity} plans and indexes it in chunks,
     * as the sweep does. Each pass starts from an empty index; the flags must be exactly the planted copies.
     */
    private static void wholeContest(Connection connection, Map<Long, Long> planted, int passes) throws Exception {
        connection.setAutoCommit(false);
        List<Long> all = new ArrayList<>();
        for (long id = 1; id <= STORED; id++) {
            all.add(id);
        }
        List<Double> seconds = new ArrayList<>();
        List<Double> planning = new ArrayList<>();
        List<Double> writing = new ArrayList<>();
        long fingerprints = 0;
        for (int pass = 0; pass < passes; pass++) {
            try (Statement clear = connection.createStatement()) {
                // Truncated, not deleted row by row: 7.6 million deletions took minutes between passes.
                clear.execute("truncate table similarity_fingerprint");
                clear.execute("delete from similarity_sketch");
            }
            connection.commit();
            long t0 = System.nanoTime();
            ContestSimilarity.Plan plan = ContestSimilarity.plan(connection, CONTEST, all);
            connection.commit();
            long planned = System.nanoTime();
            int checked = 0;
            long rowsStart = System.nanoTime();
            while (plan.writeFingerprints(connection)) {
                connection.commit();
            }
            connection.commit();
            writing.add((System.nanoTime() - rowsStart) / 1e9);
            for (List<Long> chunk : plan.chunks()) {
                checked += plan.index(connection, chunk).size();
                connection.commit();
            }
            seconds.add((System.nanoTime() - t0) / 1e9);
            planning.add((planned - t0) / 1e9);
            Map<Long, Long> found = new HashMap<>();
            plan.pairs().forEach(p -> found.put(p.later(), p.earlier()));
            long missed = planted.entrySet().stream().filter(e -> !e.getValue().equals(found.get(e.getKey()))).count();
            long others = plan.pairs().stream().filter(p -> !Long.valueOf(p.earlier()).equals(planted.get(p.later()))).count();
            try (Statement count = connection.createStatement();
                 java.sql.ResultSet row = count.executeQuery("select count(*) from similarity_fingerprint")) {
                row.next();
                fingerprints = row.getLong(1);
            }
            System.out.printf("pass %d: %.1f s (%.1f s finding, %.1f s writing the index rows, the rest the sketches and flags); %d entries checked, %d pairs compared exactly;"
                    + " planted copies found %d of %d, other pairs flagged %d%n", pass + 1, seconds.get(pass), planning.get(pass), writing.get(pass), checked,
                    plan.candidates(), planted.size() - missed,
                    planted.size(), others);
            if (missed > 0 || others > 0 || checked != STORED) {
                throw new IllegalStateException("the whole-contest pass did not flag exactly the planted copies");
            }
        }
        seconds.sort(Double::compare);
        planning.sort(Double::compare);
        System.out.printf("whole contest of %,d entries (%,d fingerprints indexed): median %.1f s, min %.1f, max %.1f (n=%d);"
                        + " of which finding the pairs median %.1f s (target < 60 s)%n", STORED, fingerprints,
                seconds.get(seconds.size() / 2), seconds.get(0), seconds.get(seconds.size() - 1), seconds.size(),
                planning.get(planning.size() / 2));
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("analyze table similarity_fingerprint, similarity_sketch, entry");
        }
        connection.commit();
    }

    private static void delete(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
        System.out.printf("check of one entry against %,d entries: median %.1f ms, min %.1f, 95th percentile %.1f ms, max %.1f ms"
                        + " (n=%d; target < 200 ms; load average %s)%n", STORED, millis.get(millis.size() / 2), millis.get(0),
                millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1), millis.size(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("copies of 60-90 %% found: %d of %d; other matches: %d%n", found, copies, falseMatches);
    }

    /** The entries alone, unchecked, as an import leaves them: the whole-contest pass indexes them. */
    private static void seed(Connection connection, List<String> texts) throws Exception {
        connection.setAutoCommit(false);
        try (Statement session = connection.createStatement()) {
            session.execute("SET foreign_key_checks = 0"); // no contest or account rows: only 查重 is measured
        }
        try (PreparedStatement entry = connection.prepareStatement("insert into entry (id, contest_id, entry_type, owner_id, status,"
                + " body_text, created_at, updated_at, submitted_at) values (?, ?, 'STORY', 1, 'SUBMITTED', ?, ?, ?, ?)")) {
            Timestamp start = new Timestamp(System.currentTimeMillis());
            for (int i = 0; i < texts.size(); i++) {
                Timestamp at = new Timestamp(start.getTime() + i * 1_000L);
                entry.setLong(1, i + 1);
                entry.setLong(2, CONTEST);
                entry.setString(3, texts.get(i));
                entry.setTimestamp(4, at);
                entry.setTimestamp(5, at);
                entry.setTimestamp(6, at);
                entry.addBatch();
                if ((i + 1) % 500 == 0) {
                    entry.executeBatch();
                    connection.commit();
                }
            }
            entry.executeBatch();
        }
        connection.commit();
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
