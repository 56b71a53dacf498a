package app.laurel.submission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 查重 of many entries of a contest in one pass (after an import, or when a sweep finds hundreds unchecked): the
 * same flags as checking them one by one with {@link SimilarityIndex#check} in the sweep's order, in seconds
 * instead of hours. Checking 40,000 entries one at a time reads every common fingerprint's posting list 40,000
 * times; here every posting list is read once, in memory.
 * <p>
 * The candidate rule is the index's (at least {@link SimilarityIndex#CANDIDATE} of the fingerprints of whichever
 * has fewer), decided exactly; only the search for candidates differs: fingerprints are sorted into posting lists
 * once, as primitive arrays, and pairs are counted over the lists of up to {@link #COMMON} entries. A fingerprint
 * in more entries than that (a stock phrase of the contest's theme) is not paired out; each entry only counts how
 * many such fingerprints it has, and a pair is looked at exactly when its count over the rare lists plus the fewer
 * common fingerprints of the two could reach the rule, so skipping them loses no candidate. An entry made mostly of
 * stock phrases could reach the rule with no rare fingerprint shared at all; those few are compared with every entry.
 */
public final class ContestSimilarity {

    /** A posting list longer than this is "common"; chosen by SimilarityBenchmark (see docs/performance.md). */
    static final int COMMON = 400;
    /** Fingerprints keep their low 39 bits in the sorted postings, next to a 24-bit entry index. */
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final long FINGERPRINT_MASK = (1L << 39) - 1;
    private static final int CHUNK = 500;
    /** Index rows written per call of {@link Plan#writeFingerprints}: a transaction of a few seconds. */
    private static final int ROWS_PER_CALL = 250_000;

    /** A flagged pair: {@code later} is the entry whose check finds it (entry A of the flag). */
    public record Pair(long later, long earlier, double containment) {
    }

    private ContestSimilarity() {
    }

    /**
     * Finds the pairs of the {@code unchecked} entries (ids, in the order the sweep would check them) with each
     * other and with the contest's entries checked before; reads only, so it holds no lock however long it takes.
     * Then {@link Plan#writeFingerprints} until it is done, and {@link Plan#index} each of {@link Plan#chunks()} in a
     * short transaction of its own, with its flags.
     */
    public static Plan plan(Connection db, long contestId, List<Long> unchecked) throws SQLException {
        return plan(db, contestId, unchecked, COMMON);
    }

    /** With posting lists of more than {@code common} entries counted as common (small in tests, to reach that path). */
    static Plan plan(Connection db, long contestId, List<Long> unchecked, int common) throws SQLException {
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < unchecked.size(); i++) {
            order.put(unchecked.get(i), i);
        }
        Sketches all = Sketches.load(db, contestId, order, common);
        List<int[]> candidates = all.candidates();
        return new Plan(contestId, all.exact(db, candidates), candidates.size(), unchecked, Sketches.updatedAtAll(db, unchecked),
                all.checked);
    }

    /** What the index keeps of one entry: its distinct runs and its fingerprints, sorted. */
    private record Sketch(int shingles, long[] fingerprints) {
    }

    /** What a pass found, written chunk by chunk in the sweep's order so that a crash leaves only whole checks. */
    public static final class Plan {
        private final long contestId;
        private final List<Pair> pairs;
        private final int candidates;
        private final List<Long> unchecked;
        private final Map<Long, java.sql.Timestamp> updatedAt;
        /** The sketches the pass computed for the entries it checks, so that indexing them reads no text again. */
        private final Map<Long, Sketch> sketches;
        /** The rows still to write, once {@link #writeFingerprints} has begun. */
        private KeyOrder rows;

        private Plan(long contestId, List<Pair> pairs, int candidates, List<Long> unchecked, Map<Long, java.sql.Timestamp> updatedAt,
                Map<Long, Sketch> sketches) {
            this.contestId = contestId;
            this.pairs = pairs;
            this.candidates = candidates;
            this.unchecked = unchecked;
            this.updatedAt = updatedAt;
            this.sketches = sketches;
        }

        public List<Pair> pairs() {
            return pairs;
        }

        /** How many pairs were compared exactly: the work the skipped common fingerprints leave. */
        public int candidates() {
            return candidates;
        }

        /** The entries to index, in the sweep's order: a pair's later entry is never in an earlier chunk than the other. */
        public List<List<Long>> chunks() {
            List<List<Long>> chunks = new ArrayList<>();
            for (int from = 0; from < unchecked.size(); from += CHUNK) {
                chunks.add(unchecked.subList(from, Math.min(unchecked.size(), from + CHUNK)));
            }
            return chunks;
        }

        /**
         * Writes the next rows of the fingerprints of every entry the pass checks, in the index's key order
         * ({@link KeyOrder}), and returns false once all are written: call it in transactions of its own until then,
         * before {@link #index}. A row counts for nothing until its entry's sketch is written by {@link #index}
         * (every query of the index joins the sketch), so rows written ahead change no check. If the pass stops in
         * between, the next one writes the same rows again over those already there.
         */
        public boolean writeFingerprints(Connection db) throws SQLException {
            if (rows == null) {
                long[] entryIds = unchecked.stream().filter(sketches::containsKey).mapToLong(Long::longValue).toArray();
                long[][] lists = Arrays.stream(entryIds).mapToObj(id -> sketches.get(id).fingerprints()).toArray(long[][]::new);
                rows = new KeyOrder(entryIds, lists);
            }
            new Index(db, contestId).writeRows(rows, ROWS_PER_CALL);
            return rows.hasNext();
        }

        /**
         * Marks as checked the chunk's entries that have not changed since the plan read them, by writing their
         * sketches, and returns them. An entry changed or withdrawn since is left unchecked for the next sweep, and
         * the rows {@link #writeFingerprints} wrote for its old text are removed; one that another check has
         * sketched since is that check's.
         */
        public java.util.Set<Long> index(Connection db, List<Long> chunk) throws SQLException {
            if (rows == null || rows.hasNext()) {
                throw new IllegalStateException("the pass's fingerprints are written before its sketches");
            }
            // Still taking part and not changed since the plan read it: its text, and so its sketch, are the plan's.
            Map<Long, java.sql.Timestamp> now = Sketches.updatedAt(db, chunk, " and status not in ('DRAFT', 'WITHDRAWN')");
            java.util.Set<Long> sketched = SimilarityIndex.sketched(db, chunk);
            List<Long> same = new ArrayList<>();
            for (Long id : chunk) {
                if (!sketches.containsKey(id) || sketched.contains(id)) {
                    continue;
                }
                if (now.containsKey(id) && java.util.Objects.equals(now.get(id), updatedAt.get(id))) {
                    same.add(id);
                } else {
                    SimilarityIndex.deleteRows(db, contestId, id, sketches.get(id).fingerprints());
                }
            }
            new Index(db, contestId).writeSketches(same, sketches);
            return new java.util.HashSet<>(same);
        }

        /** The pairs found by checking these entries. */
        public List<Pair> foundBy(java.util.Set<Long> checked) {
            return pairs.stream().filter(p -> checked.contains(p.later())).toList();
        }
    }

    /** Every participating entry of the contest as counts and postings, and whether (and when) it is being checked. */
    private static final class Sketches {
        final long[] ids;
        final int[] shingles;
        final int[] fingerprintCounts;
        /** Position in the sweep's order for an entry being checked, -1 for one checked before. */
        final int[] rank;
        final long[] postings;
        final int commonList;
        final Map<Long, Sketch> checked;

        private Sketches(long[] ids, int[] shingles, int[] fingerprintCounts, int[] rank, long[] postings, int commonList,
                Map<Long, Sketch> checked) {
            this.commonList = commonList;
            this.checked = checked;
            this.ids = ids;
            this.shingles = shingles;
            this.fingerprintCounts = fingerprintCounts;
            this.rank = rank;
            this.postings = postings;
        }

        /** Reads every text once, in chunks, keeping only counts and postings. */
        static Sketches load(Connection db, long contestId, Map<Long, Integer> order, int common) throws SQLException {
            List<Long> all = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("select id from entry where contest_id = ?"
                    + " and status not in ('DRAFT', 'WITHDRAWN') order by id")) {
                query.setLong(1, contestId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        all.add(rows.getLong(1));
                    }
                }
            }
            int n = all.size();
            if (n > INDEX_MASK) {
                throw new IllegalStateException("more than " + INDEX_MASK + " entries in contest " + contestId);
            }
            long[] ids = all.stream().mapToLong(Long::longValue).toArray();
            int[] shingles = new int[n];
            int[] counts = new int[n];
            int[] rank = new int[n];
            LongList postings = new LongList();
            Map<Long, Sketch> checked = new HashMap<>();
            for (int from = 0; from < n; from += CHUNK) {
                List<Long> chunk = all.subList(from, Math.min(n, from + CHUNK));
                Map<Long, String> texts = SimilarityIndex.comparableTexts(db, chunk);
                for (int i = from; i < from + chunk.size(); i++) {
                    Shingles mine = Shingles.of(texts.getOrDefault(ids[i], ""));
                    long[] fingerprints = mine.fingerprints();
                    shingles[i] = mine.size();
                    counts[i] = fingerprints.length;
                    rank[i] = order.getOrDefault(ids[i], -1);
                    if (rank[i] >= 0) {
                        checked.put(ids[i], new Sketch(mine.size(), fingerprints));
                    }
                    if (mine.size() >= SimilarityIndex.MIN_SHINGLES) {
                        for (long f : fingerprints) {
                            postings.add((f & FINGERPRINT_MASK) << INDEX_BITS | i);
                        }
                    }
                }
            }
            return new Sketches(ids, shingles, counts, rank, postings.sorted(), common, checked);
        }

        /** Pairs (entry indexes) of which at least one is being checked and which may meet the candidate rule. */
        List<int[]> candidates() {
            int n = ids.length;
            int[] common = new int[n];
            // The posting lists, and for each entry the lists it is in (compressed rows).
            int[] listStart = new int[postings.length];
            int[] listEnd = new int[postings.length];
            int lists = 0;
            int[] perEntry = new int[n + 1];
            for (int at = 0; at < postings.length; ) {
                int end = runEnd(at);
                listStart[lists] = at;
                listEnd[lists++] = end;
                for (int p = at; p < end; p++) {
                    perEntry[entry(postings[p]) + 1]++;
                    if (end - at > commonList) {
                        common[entry(postings[p])]++;
                    }
                }
                at = end;
            }
            for (int i = 0; i < n; i++) {
                perEntry[i + 1] += perEntry[i];
            }
            int[] listsOf = new int[perEntry[n]];
            int[] fill = Arrays.copyOf(perEntry, n);
            for (int l = 0; l < lists; l++) {
                for (int p = listStart[l]; p < listEnd[l]; p++) {
                    listsOf[fill[entry(postings[p])]++] = l;
                }
            }
            List<int[]> pairs = new ArrayList<>();
            int[] shared = new int[n];
            int[] touched = new int[n];
            for (int i = 0; i < n; i++) {
                if (shingles[i] < SimilarityIndex.MIN_SHINGLES || fingerprintCounts[i] == 0) {
                    continue;
                }
                boolean mostlyCommon = mostlyCommon(i, common);
                int count = 0;
                for (int k = perEntry[i]; k < perEntry[i + 1]; k++) {
                    int l = listsOf[k];
                    if (!mostlyCommon && listEnd[l] - listStart[l] > commonList) {
                        continue;
                    }
                    for (int p = listStart[l]; p < listEnd[l]; p++) {
                        int j = entry(postings[p]);
                        // Each pair once: from the later index, or from the one made mostly of stock phrases.
                        boolean mine = mostlyCommon ? j != i && (j > i || !mostlyCommon(j, common))
                                : j < i && !mostlyCommon(j, common);
                        if (mine && shared[j]++ == 0) {
                            touched[count++] = j;
                        }
                    }
                }
                for (int t = 0; t < count; t++) {
                    int j = touched[t];
                    // Counted over every list for an entry mostly of stock phrases; over the rare ones otherwise, where the
                    // common ones the two may share are at most the fewer of theirs.
                    int bound = mostlyCommon ? shared[j] : shared[j] + Math.min(common[i], common[j]);
                    if ((rank[i] >= 0 || rank[j] >= 0) && sized(j) && bound >= SimilarityIndex.CANDIDATE
                            * Math.min(fingerprintCounts[i], fingerprintCounts[j])) {
                        pairs.add(new int[]{i, j});
                    }
                    shared[j] = 0;
                }
            }
            return pairs;
        }

        private boolean mostlyCommon(int j, int[] common) {
            return common[j] >= SimilarityIndex.CANDIDATE * fingerprintCounts[j];
        }

        private boolean sized(int j) {
            return shingles[j] >= SimilarityIndex.MIN_SHINGLES && fingerprintCounts[j] > 0;
        }

        private int runEnd(int at) {
            long key = postings[at] >>> INDEX_BITS;
            int end = at + 1;
            while (end < postings.length && postings[end] >>> INDEX_BITS == key) {
                end++;
            }
            return end;
        }

        private static int entry(long posting) {
            return (int) (posting & INDEX_MASK);
        }

        /**
         * The candidate rule and the containment, exactly as {@link SimilarityIndex#check} decides them, for the
         * pairs found; the later of each pair in the sweep's order is the one whose check finds it.
         */
        List<Pair> exact(Connection db, List<int[]> candidates) throws SQLException {
            List<Long> needed = candidates.stream().flatMap(p -> java.util.stream.Stream.of(ids[p[0]], ids[p[1]])).distinct().toList();
            Map<Long, Shingles> shinglesOf = new HashMap<>();
            Map<Long, long[]> fingerprintsOf = new HashMap<>();
            for (int from = 0; from < needed.size(); from += CHUNK) {
                SimilarityIndex.comparableTexts(db, needed.subList(from, Math.min(needed.size(), from + CHUNK)))
                        .forEach((id, text) -> {
                            Shingles shingles = Shingles.of(text);
                            shinglesOf.put(id, shingles);
                            fingerprintsOf.put(id, shingles.fingerprints());
                        });
            }
            List<Pair> pairs = new ArrayList<>();
            for (int[] p : candidates) {
                int later = rank[p[1]] > rank[p[0]] ? p[1] : p[0];
                int earlier = later == p[0] ? p[1] : p[0];
                Shingles mine = shinglesOf.get(ids[later]);
                Shingles theirs = shinglesOf.get(ids[earlier]);
                if (mine == null || theirs == null) {
                    continue; // withdrawn since it was read
                }
                long shared = sharedCount(fingerprintsOf.get(ids[later]), fingerprintsOf.get(ids[earlier]));
                if (shared >= SimilarityIndex.CANDIDATE * Math.min(fingerprintCounts[later], fingerprintCounts[earlier])) {
                    double containment = mine.containment(theirs);
                    if (containment >= SimilarityFlag.THRESHOLD) {
                        pairs.add(new Pair(ids[later], ids[earlier], containment));
                    }
                }
            }
            pairs.sort(java.util.Comparator.comparingInt((Pair p) -> rank[indexOf(p.later())]).thenComparingLong(Pair::earlier));
            return pairs;
        }

        static Map<Long, java.sql.Timestamp> updatedAtAll(Connection db, List<Long> entries) throws SQLException {
            Map<Long, java.sql.Timestamp> times = new HashMap<>();
            for (int from = 0; from < entries.size(); from += CHUNK) {
                times.putAll(updatedAt(db, entries.subList(from, Math.min(entries.size(), from + CHUNK)), ""));
            }
            return times;
        }

        /** When each of these entries last changed, of those meeting {@code condition} (SQL appended to the query). */
        static Map<Long, java.sql.Timestamp> updatedAt(Connection db, List<Long> entries, String condition) throws SQLException {
            Map<Long, java.sql.Timestamp> times = new HashMap<>();
            if (entries.isEmpty()) {
                return times;
            }
            String in = entries.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
            try (PreparedStatement query = db.prepareStatement("select id, updated_at from entry where id in (" + in + ")" + condition);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    times.put(rows.getLong(1), rows.getTimestamp(2));
                }
            }
            return times;
        }

        private int indexOf(long id) {
            return Arrays.binarySearch(ids, id);
        }

    }

    static long sharedCount(long[] a, long[] b) {
        long shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /**
     * The checked entries' sketches, and their fingerprints as index rows written thousands per statement in the
     * order of the table's primary key (contest, fingerprint, entry).
     */
    private static final class Index {
        private static final int ROWS = 10_000;
        private static final int SKETCHES = 100;
        private final Connection db;
        private final long contestId;

        Index(Connection db, long contestId) {
            this.db = db;
            this.contestId = contestId;
        }

        void writeSketches(List<Long> entries, Map<Long, Sketch> of) throws SQLException {
            for (int from = 0; from < entries.size(); from += SKETCHES) {
                List<Long> some = entries.subList(from, Math.min(entries.size(), from + SKETCHES));
                try (PreparedStatement insert = db.prepareStatement(SimilarityIndex.INSERT_SKETCH
                        + String.join(",", java.util.Collections.nCopies(some.size(), "(?, ?, ?, ?, ?)")))) {
                    int at = 1;
                    for (long entryId : some) {
                        Sketch sketch = of.get(entryId);
                        SimilarityIndex.setSketch(insert, at, entryId, contestId, sketch.shingles(), sketch.fingerprints());
                        at += 5;
                    }
                    insert.executeUpdate();
                }
            }
        }

        /** Up to {@code limit} of the rows left, moving past them. A row already there (an interrupted pass) stays. */
        void writeRows(KeyOrder rows, int limit) throws SQLException {
            StringBuilder values = new StringBuilder();
            for (int written = 0; written < limit && rows.hasNext(); rows.advance()) {
                // Numbers this class computed, written as literals.
                if (!values.isEmpty()) {
                    values.append(',');
                }
                values.append('(').append(contestId).append(',').append(rows.fingerprint()).append(',').append(rows.entry()).append(')');
                if (++written % ROWS == 0) {
                    insert(values);
                }
            }
            if (!values.isEmpty()) {
                insert(values);
            }
        }

        /**
         * A plain statement with escape processing off: the driver sends the text as it is. A prepared statement
         * would have the driver scan each statement's 300 KB for parameters, which took as long as building it.
         */
        private void insert(StringBuilder values) throws SQLException {
            try (Statement insert = db.createStatement()) {
                insert.setEscapeProcessing(false);
                insert.executeUpdate(SimilarityIndex.INSERT_ROWS + values + SimilarityIndex.KEEP_EXISTING_ROWS);
            }
            values.setLength(0);
        }
    }

    /** A growable array of longs: 40,000 entries have millions of postings, too many to box. */
    private static final class LongList {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] sorted() {
            long[] result = Arrays.copyOf(values, size);
            Arrays.parallelSort(result);
            return result;
        }
    }
}
