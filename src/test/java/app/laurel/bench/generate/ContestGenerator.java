package app.laurel.bench.generate;

import app.laurel.bench.generate.ContestSpec.Stage;
import app.laurel.judging.PanelAssignment;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic contest of any size into a database migrated by the real migrations, row for row what the
 * portal itself would have written (receipt numbers, versions, round codes, scorecards with their totals), so the
 * real portal opens and shows it: units with their clerks and quotas, judges (some belonging to a unit, hence
 * conflicted on its entries), citizens, a contest in its judging phase with categories and accepted stories, and up
 * to the {@link Stage} asked: a round set up with recorded conflicts, opened with BALANCED scorecards, or scored.
 * <p>
 * Java: {@code ContestGenerator.generate(connection, ContestSpec.provincial().withStage(Stage.ROUND_SETUP), null)}.
 * Command line: {@code mvn -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:exec@generate-contest
 * -Dgenerate.args="--entries 40000 --judges 300 --judges-per-entry 9 --criteria 5 --units 120 --stage scored"}
 * (see {@link #main}). One writer at a time: ids are handed out from the tables' current maxima.
 */
public final class ContestGenerator {

    /** Every generated account's password (the demo's). */
    public static final String PASSWORD = "Laurel2026";

    private static final int PASSWORD_ITERATIONS = 210_000;
    private static final String[] CRITERIA = {"思想性", "真实性", "感染力", "表现力", "创新性", "文字功底", "结构布局",
            "主题契合", "语言规范", "教育意义"};
    private static final String[] CATEGORIES = {"故事类", "征文类", "微小说", "散文类", "诗歌类", "剧本类", "演讲稿", "书信类"};
    private static final String[] PLACES = ("青山 白沙 石门 桃源 长乐 新塘 龙泉 柳溪 金桥 黄田 清水 马头 高岭 东湖 西渡 南岳 北港"
            + " 双峰 三塘 杨林 竹山 梅花 花桥 凤凰 福田 大安 永兴 太平 安仁 兴隆").split(" ");
    private static final String[] CONFLICT_REASONS = {"作者系本人亲属", "作者系本人学生", "曾指导该作品", "与作者同一单位"};

    private final Connection db;
    private final ContestSpec spec;
    private final Random random;
    private final SyntheticText text;
    private final Path storageDir;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final String prefix;

    private ContestGenerator(Connection db, ContestSpec spec, Path storageDir) {
        this.db = db;
        this.spec = spec;
        this.random = new Random(spec.seed());
        this.text = new SyntheticText(random);
        this.storageDir = storageDir;
        this.prefix = spec.code().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Generates the contest {@code spec} describes over {@code db} (a Connector/J connection, best with
     * {@code rewriteBatchedStatements=true}, see {@link BenchDatabase#bulk}), committing as it goes. With a
     * {@code storageDir} (the portal's LAUREL_STORAGE_DIR) the entries' image files are written too; without, only
     * their rows. Refuses a nonsensical spec, and a contest code already taken, with an {@link IllegalArgumentException}.
     */
    public static GeneratedContest generate(Connection db, ContestSpec spec, Path storageDir) throws SQLException {
        spec.check();
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement session = db.createStatement()) {
            // The generator's rows are consistent by construction; checking each key again only slows loading.
            session.execute("set foreign_key_checks = 0, unique_checks = 0");
            try {
                return new ContestGenerator(db, spec, storageDir).run();
            } finally {
                db.rollback();
                session.execute("set foreign_key_checks = 1, unique_checks = 1");
                db.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Takes a round back to set-up as if it had never been opened: its scorecards (and their scores) deleted, status
     * SETUP, so that a benchmark can open the same round again.
     */
    public static void resetRound(Connection db, long roundId) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement scores = db.prepareStatement("delete s from score s join scorecard c on c.id = s.scorecard_id"
                + " join round_entry re on re.id = c.round_entry_id where re.round_id = ?");
             PreparedStatement cards = db.prepareStatement("delete c from scorecard c join round_entry re on re.id = c.round_entry_id"
                     + " where re.round_id = ?");
             PreparedStatement round = db.prepareStatement("update judging_round set status = 'SETUP', opened_at = null,"
                     + " closed_at = null, ranking_json = null, version = version + 1 where id = ?")) {
            for (PreparedStatement statement : List.of(scores, cards, round)) {
                statement.setLong(1, roundId);
                statement.executeUpdate();
            }
            db.commit();
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private record Unit(long id, String name, String type) {
    }

    private GeneratedContest run() throws SQLException {
        long t0 = System.nanoTime();
        try (PreparedStatement taken = db.prepareStatement("select count(*) from contest where code = ?")) {
            taken.setString(1, spec.code());
            try (ResultSet row = taken.executeQuery()) {
                row.next();
                if (row.getLong(1) > 0) {
                    throw new IllegalArgumentException("a contest " + spec.code() + " exists already in this database:"
                            + " give another --code (or a fresh database)");
                }
            }
        }
        String passwordHash = passwordHash();
        List<Unit> units = units();
        long organiser = nextId("account");
        List<String> clerks = new ArrayList<>();
        long[] clerkIds = new long[units.size()];
        List<String> judges = new ArrayList<>();
        long[] judgeIds = new long[spec.judges()];
        long[] judgeUnit = new long[spec.judges()];
        try (Rows accounts = new Rows(db, "account", "id, username, password_hash, display_name, phone, email, unit_id,"
                + " enabled, created_at, password_changed_at, version", 1_000);
             Rows roles = new Rows(db, "account_role", "account_id, role", 2_000)) {
            long id = organiser;
            LocalDateTime created = at(now.minus(Duration.ofDays(90)));
            accounts.add(id, prefix + "-organiser", passwordHash, "组委会（" + spec.code() + "）", null, null, null, true, created, created, 0);
            roles.add(id, "ORGANISER");
            for (int u = 0; u < units.size(); u++) {
                clerkIds[u] = ++id;
                clerks.add(String.format("%s-u%03d", prefix, u + 1));
                accounts.add(id, clerks.get(u), passwordHash, units.get(u).name() + "联络员", text.phone(), null, units.get(u).id(),
                        true, created, created, 0);
                roles.add(id, "UNIT_ADMIN");
            }
            // A unit may hold a few judges, never so many that its entries could not find enough others.
            int perUnitCap = spec.judges() - spec.judgesPerEntry() - 1;
            Map<Long, Integer> judgesOfUnit = new HashMap<>();
            for (int j = 0; j < spec.judges(); j++) {
                judgeIds[j] = ++id;
                judges.add(String.format("%s-j%03d", prefix, j + 1));
                Unit unit = units.get(random.nextInt(units.size()));
                boolean member = perUnitCap > 0 && random.nextDouble() < spec.judgeUnitShare()
                        && judgesOfUnit.getOrDefault(unit.id(), 0) < perUnitCap;
                if (member) {
                    judgesOfUnit.merge(unit.id(), 1, Integer::sum);
                    judgeUnit[j] = unit.id();
                }
                accounts.add(id, judges.get(j), passwordHash, "评委" + text.personName(), text.phone(), null,
                        member ? unit.id() : null, true, created, created, 0);
                roles.add(id, "JUDGE");
            }
        }
        long contest = contest(units);
        Entries entries = entries(contest, units, clerkIds, passwordHash);
        Long round = null;
        long[] written = new long[3];
        if (spec.stage() != Stage.ENTRIES) {
            round = round(contest, entries, judgeIds, judgeUnit, organiser, written);
        }
        db.commit();
        try (Statement analyze = db.createStatement()) {
            // Fresh statistics, as a database that grew by submissions would have: bulk loading leaves them stale.
            analyze.execute("analyze table unit, account, entry, round_entry, scorecard, score, conflict");
        }
        return new GeneratedContest(contest, spec.code(), round, prefix + "-organiser", PASSWORD, judges, clerks,
                new long[] {entries.firstId, entries.firstId + spec.entries() - 1}, written[0], written[1], written[2],
                (System.nanoTime() - t0) / 1e9);
    }

    private List<Unit> units() throws SQLException {
        List<Unit> units = new ArrayList<>();
        long id = nextId("unit");
        try (Rows rows = new Rows(db, "unit", "id, name, unit_type, sample, created_at", 1_000)) {
            for (int u = 0; u < spec.units(); u++) {
                String place = PLACES[u % PLACES.length] + (u >= PLACES.length ? String.valueOf(u / PLACES.length + 1) : "");
                String[] kind = switch (u % 10) {
                    case 7 -> new String[] {place + "中学", "SCHOOL"};
                    case 8 -> new String[] {place + "社区", "MEMBER"};
                    case 9 -> new String[] {place + "派出所", "POLITICAL_LEGAL"};
                    default -> new String[] {place + (u % 3 == 0 ? "乡" : "镇"), "TOWNSHIP"};
                };
                Unit unit = new Unit(id++, kind[0] + "（" + spec.code() + "）", kind[1]);
                rows.add(unit.id(), unit.name(), unit.type(), false, at(now.minus(Duration.ofDays(120))));
                units.add(unit);
            }
        }
        return units;
    }

    private long contest(List<Unit> units) throws SQLException {
        long id = nextId("contest");
        try (Rows contest = new Rows(db, "contest", "id, code, title, theme, description, organising_body, sample, created_at,"
                + " version, public_entry_limit, public_needs_recommendation", 1)) {
            contest.add(id, spec.code(), "合成评审大赛 " + spec.code() + "（" + spec.entries() + " 篇）", "珍爱生命 远离毒品",
                    "由基准数据生成器写入的合成比赛，用于性能测量。", "县禁毒委员会办公室", false,
                    at(now.minus(Duration.ofDays(100))), 0, 3, false);
        }
        try (Rows phases = new Rows(db, "contest_phase", "contest_id, kind, starts_at, ends_at", 10)) {
            phases.add(id, "SUBMISSION", at(now.minus(Duration.ofDays(60))), at(now.minus(Duration.ofDays(20))));
            phases.add(id, "UNIT_SELECTION", at(now.minus(Duration.ofDays(20))), at(now.minus(Duration.ofDays(12))));
            phases.add(id, "JUDGING", at(now.minus(Duration.ofDays(10))), at(now.plus(Duration.ofDays(20))));
            phases.add(id, "NOTICE", at(now.plus(Duration.ofDays(21))), at(now.plus(Duration.ofDays(28))));
            phases.add(id, "AWARD", at(now.plus(Duration.ofDays(30))), at(now.plus(Duration.ofDays(31))));
        }
        try (Rows categories = new Rows(db, "contest_category", "contest_id, name, sort_order", 10)) {
            for (int c = 0; c < spec.categories(); c++) {
                categories.add(id, CATEGORIES[c], c + 1);
            }
        }
        try (Rows rule = new Rows(db, "contest_entry_rule", "contest_id, entry_type, min_chars, max_chars, max_images,"
                + " attachment_allowed, max_video_bytes", 1)) {
            rule.add(id, "STORY", Math.min(300, spec.minChars()), Math.max(5_000, spec.maxChars() + 200), 9, true, 0L);
        }
        return id;
    }

    /** The entries' ids start at {@code firstId}; what assigning needs of each: its unit (or township), 0 for none. */
    private record Entries(long firstId, long[] unitOrTownship) {
    }

    private Entries entries(long contest, List<Unit> units, long[] clerkIds, String passwordHash) throws SQLException {
        long[] categoryIds = new long[spec.categories()];
        try (PreparedStatement query = db.prepareStatement("select id from contest_category where contest_id = ? order by sort_order")) {
            query.setLong(1, contest);
            try (ResultSet rows = query.executeQuery()) {
                for (int c = 0; rows.next(); c++) {
                    categoryIds[c] = rows.getLong(1);
                }
            }
        }
        List<Unit> townships = units.stream().filter(u -> u.type().equals("TOWNSHIP")).toList();
        long firstEntry = nextId("entry");
        long firstVersion = nextId("entry_version");
        long nextFile = nextId("stored_file");
        long nextCitizen = nextId("account");
        long[] unitOrTownship = new long[spec.entries()];
        int[] perUnit = new int[units.size()];
        Instant opens = now.minus(Duration.ofDays(60));
        long window = Duration.ofDays(40).toMillis();
        try (Rows accounts = new Rows(db, "account", "id, username, password_hash, display_name, phone, email, unit_id,"
                + " enabled, created_at, password_changed_at, version", 1_000);
             Rows roles = new Rows(db, "account_role", "account_id, role", 2_000);
             Rows entries = new Rows(db, "entry", "id, contest_id, entry_type, category_id, title, body_html, body_text, owner_id,"
                     + " unit_id, township_id, author_name, author_phone, author_org, originality_declared, display_consent, status,"
                     + " receipt_no, submitted_at, created_at, updated_at, version, revision, may_reveal_author", 200);
             Rows versions = new Rows(db, "entry_version", "id, entry_id, number, title, body_html, submitted_at", 200);
             Rows sketches = new Rows(db, "similarity_sketch", "entry_id, contest_id, shingle_count, fingerprint_count", 2_000);
             Rows files = new Rows(db, "stored_file", "id, stored_name, original_name, media_type, size_bytes, sha256, width, height,"
                     + " owner_id, created_at, readability", 1_000);
             Rows entryFiles = new Rows(db, "entry_file", "entry_id, file_id, role, sort_order", 2_000);
             Rows versionFiles = new Rows(db, "entry_version_file", "version_id, sort_order, file_id, role, original_name,"
                     + " size_bytes, sha256", 2_000)) {
            for (int n = 0; n < spec.entries(); n++) {
                long id = firstEntry + n;
                // The first entries give every unit one; after that citizens and units share the rest.
                boolean citizen = n >= units.size() && random.nextDouble() < spec.citizenShare();
                Unit unit = citizen ? null : units.get(n < units.size() ? n : random.nextInt(units.size()));
                Unit township = citizen && !townships.isEmpty() && random.nextInt(4) > 0
                        ? townships.get(random.nextInt(townships.size())) : null;
                long owner;
                String author = text.personName();
                Instant submitted = opens.plusMillis((long) ((n + random.nextDouble()) * window / spec.entries()));
                if (citizen) {
                    owner = nextCitizen++;
                    LocalDateTime registered = at(submitted.minus(Duration.ofHours(2)));
                    accounts.add(owner, String.format("%s-c%05d", prefix, n + 1), passwordHash, author, text.phone(), null, null,
                            true, registered, registered, 0);
                    roles.add(owner, "PUBLIC");
                } else {
                    int u = units.indexOf(unit);
                    owner = clerkIds[u];
                    perUnit[u]++;
                }
                unitOrTownship[n] = unit != null ? unit.id() : township != null ? township.id() : 0;
                String story = text.story(spec.minChars() + random.nextInt(spec.maxChars() - spec.minChars() + 1));
                String html = SyntheticText.html(story);
                String title = text.title(n + 1);
                entries.add(id, contest, "STORY", categoryIds[random.nextInt(categoryIds.length)], title, html, story, owner,
                        unit == null ? null : unit.id(), township == null ? null : township.id(), author, text.phone(),
                        unit == null ? null : unit.name(), true, true, "ACCEPTED", String.format("%s-%04d", spec.code(), n + 1),
                        at(submitted), at(submitted.minus(Duration.ofMinutes(30))), at(now.minus(Duration.ofDays(15))), 1, 1, false);
                long version = firstVersion + n;
                versions.add(version, id, 1, title, html, at(submitted));
                // Marked as checked for near duplicates, so the portal's background 查重 leaves them alone.
                sketches.add(id, contest, 0, 0);
                for (int f = 0; f < spec.filesPerEntry(); f++) {
                    byte[] png = image();
                    String stored = HexFormat.of().formatHex(sha256(("gen" + spec.seed() + "-" + nextFile).getBytes())).substring(0, 32);
                    String sha = HexFormat.of().formatHex(sha256(png));
                    String original = "配图" + (f + 1) + ".png";
                    files.add(nextFile, stored, original, "image/png", (long) png.length, sha, 32, 24, owner, at(submitted), "READABLE");
                    entryFiles.add(id, nextFile, "IMAGE", f);
                    versionFiles.add(version, f, nextFile, "IMAGE", original, (long) png.length, sha);
                    write(stored, png);
                    nextFile++;
                }
            }
        }
        try (Rows quotas = new Rows(db, "contest_unit", "contest_id, unit_id, min_entries, max_entries", 1_000);
             Rows counter = new Rows(db, "receipt_counter", "contest_id, last_seq", 1)) {
            for (int u = 0; u < units.size(); u++) {
                quotas.add(contest, units.get(u).id(), 1, perUnit[u] + 5);
            }
            counter.add(contest, spec.entries());
        }
        return new Entries(firstEntry, unitOrTownship);
    }

    /** The round on every entry: rubric, panel, codes, recorded conflicts; then scorecards and scores if asked. */
    private long round(long contest, Entries entries, long[] judgeIds, long[] judgeUnit, long organiser, long[] written)
            throws SQLException {
        long id = nextId("judging_round");
        boolean open = spec.stage() == Stage.OPENED || spec.stage() == Stage.SCORED;
        Instant opened = now.minus(Duration.ofDays(5));
        int k = spec.judgesPerEntry();
        int select = Math.min(spec.entries(), Math.max(10, spec.entries() / 100));
        try (Rows round = new Rows(db, "judging_round", "id, contest_id, name, sequence_no, assignment_mode, judges_per_entry,"
                + " method, min_scores, disagreement_pct, select_count, status, opened_at, version", 1)) {
            round.add(id, contest, "初评", 1, "BALANCED", k, "TRIMMED_MEAN", 1, 20, select, open ? "OPEN" : "SETUP",
                    open ? at(opened) : null, 0);
        }
        int[] maxPoints = new int[spec.criteria()];
        try (Rows criteria = new Rows(db, "round_criterion", "round_id, name, description, max_points, is_primary, sort_order", 20)) {
            for (int c = 0; c < spec.criteria(); c++) {
                maxPoints[c] = 100 / spec.criteria() + (c < 100 % spec.criteria() ? 1 : 0);
                criteria.add(id, CRITERIA[c], null, maxPoints[c], c == 0, c + 1);
            }
        }
        try (Rows panel = new Rows(db, "round_judge", "round_id, account_id", 1_000)) {
            for (long judge : judgeIds) {
                panel.add(id, judge);
            }
        }
        long firstRoundEntry = nextId("round_entry");
        try (Rows codes = new Rows(db, "round_entry", "id, round_id, entry_id, code", 5_000)) {
            for (int n = 0; n < spec.entries(); n++) {
                codes.add(firstRoundEntry + n, id, entries.firstId + n, "R1-" + String.format("%03d", n + 1));
            }
        }
        Map<Long, List<Integer>> judgesOfUnit = new LinkedHashMap<>();
        for (int j = 0; j < judgeUnit.length; j++) {
            if (judgeUnit[j] != 0) {
                judgesOfUnit.computeIfAbsent(judgeUnit[j], u -> new ArrayList<>()).add(j);
            }
        }
        // Recorded conflicts (a relative, a pupil), on top of the judges of an entry's own unit; always leaving each
        // entry enough judges, since the portal refuses to open a round that cannot be completed.
        int[] recorded = new int[spec.entries()];
        Arrays.fill(recorded, -1);
        try (Rows conflicts = new Rows(db, "conflict", "round_id, entry_id, judge_id, reason, declared_by, created_at", 2_000)) {
            for (int n = 0; n < spec.entries(); n++) {
                List<Integer> own = judgesOfUnit.getOrDefault(entries.unitOrTownship[n], List.of());
                if (random.nextDouble() < spec.conflictShare() && spec.judges() - own.size() - 1 >= k) {
                    int judge = random.nextInt(spec.judges());
                    while (own.contains(judge)) {
                        judge = random.nextInt(spec.judges());
                    }
                    recorded[n] = judge;
                    conflicts.add(id, entries.firstId + n, judgeIds[judge], CONFLICT_REASONS[random.nextInt(CONFLICT_REASONS.length)],
                            prefix + "-organiser", at(now.minus(Duration.ofDays(6))));
                }
            }
            written[2] = conflicts.written();
        }
        audit("ROUND_CREATED", id, "初评 TRIMMED_MEAN", now.minus(Duration.ofDays(7)));
        if (open) {
            scorecards(entries, judgeIds, judgesOfUnit, recorded, firstRoundEntry, id, maxPoints, opened, written);
            audit("ROUND_OPENED", id, written[2] + " conflicts", opened);
        }
        return id;
    }

    /**
     * The portal's own BALANCED assignment ({@link PanelAssignment#balanced}, seeded with the round's id over the panel
     * in username order, as opening the round does), so a generated round is one the portal could have opened.
     */
    private void scorecards(Entries entries, long[] judgeIds, Map<Long, List<Integer>> judgesOfUnit, int[] recorded,
                            long firstRoundEntry, long roundId, int[] maxPoints, Instant opened, long[] written) throws SQLException {
        int[][] excluded = new int[spec.entries()][];
        long[] ids = new long[spec.entries()];
        for (int n = 0; n < spec.entries(); n++) {
            ids[n] = firstRoundEntry + n;
            int[] own = judgesOfUnit.getOrDefault(entries.unitOrTownship[n], List.of()).stream().mapToInt(Integer::intValue).toArray();
            excluded[n] = recorded[n] < 0 ? own : append(own, recorded[n]);
        }
        int[][] assignment = PanelAssignment.balanced(ids, judgeIds.length, spec.judgesPerEntry(), excluded, roundId);
        boolean scored = spec.stage() == Stage.SCORED;
        Scoring scoring = new Scoring(random, roundId, judgeIds.length, maxPoints, opened, now);
        long card = nextId("scorecard");
        try (Rows cards = new Rows(db, "scorecard", "id, round_id, round_entry_id, judge_id, status, total_half_points, primary_half_points,"
                + " submitted_at, updated_at, version, reason", 5_000);
             Rows scores = new Rows(db, "score", "scorecard_id, criterion, half_points", 10_000)) {
            for (int n = 0; n < spec.entries(); n++) {
                scoring.nextEntry();
                for (int j : assignment[n]) {
                    if (scored) {
                        scoring.score(card, ids[n], judgeIds[j], j, cards, scores);
                    } else {
                        cards.add(card, roundId, ids[n], judgeIds[j], "DRAFT", null, null, null, at(opened), 0, "PLANNED");
                    }
                    card++;
                }
            }
            written[0] = cards.written();
            written[1] = scores.written();
        }
    }

    /**
     * Scores every draft scorecard of an opened round, as if each judge had submitted them all: what a benchmark
     * needs after opening a round through the portal. Returns how many scorecards it submitted.
     */
    public static long scoreRound(Connection db, long roundId, long seed) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            List<String> names = new ArrayList<>();
            List<Integer> points = new ArrayList<>();
            Instant opened;
            try (PreparedStatement query = db.prepareStatement("select c.name, c.max_points, r.opened_at from round_criterion c"
                    + " join judging_round r on r.id = c.round_id where c.round_id = ? order by c.sort_order")) {
                query.setLong(1, roundId);
                try (ResultSet rows = query.executeQuery()) {
                    opened = null;
                    while (rows.next()) {
                        names.add(rows.getString(1));
                        points.add(rows.getInt(2));
                        opened = rows.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    }
                }
            }
            if (opened == null) {
                throw new IllegalArgumentException("round " + roundId + " has no criteria or was never opened");
            }
            Map<Long, Integer> judgeIndex = new HashMap<>();
            List<long[]> drafts = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("select s.id, s.round_entry_id, s.judge_id from scorecard s"
                    + " join round_entry re on re.id = s.round_entry_id where re.round_id = ? and s.status = 'DRAFT'"
                    + " order by s.round_entry_id, s.id")) {
                query.setLong(1, roundId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        drafts.add(new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)});
                        judgeIndex.putIfAbsent(rows.getLong(3), judgeIndex.size());
                    }
                }
            }
            int[] maxPoints = points.stream().mapToInt(Integer::intValue).toArray();
            Scoring scoring = new Scoring(new Random(seed), roundId, judgeIndex.size(), maxPoints, opened, Instant.now());
            try (Statement drop = db.createStatement()) {
                // Submitted cards are rewritten whole: delete the drafts, insert them again scored, same ids. The two
                // tables are written in batches of their own, so a batch of scores may reach the server before its cards.
                drop.executeUpdate("delete s from scorecard s join round_entry re on re.id = s.round_entry_id"
                        + " where re.round_id = " + roundId + " and s.status = 'DRAFT'");
                drop.execute("set foreign_key_checks = 0");
            }
            try (Rows cards = new Rows(db, "scorecard", "id, round_id, round_entry_id, judge_id, status, total_half_points, primary_half_points,"
                    + " submitted_at, updated_at, version, reason", 5_000);
                 Rows scores = new Rows(db, "score", "scorecard_id, criterion, half_points", 10_000)) {
                long entry = -1;
                for (long[] draft : drafts) {
                    if (draft[1] != entry) {
                        entry = draft[1];
                        scoring.nextEntry();
                    }
                    scoring.score(draft[0], draft[1], draft[2], judgeIndex.get(draft[2]), cards, scores, names);
                }
            }
            db.commit();
            return drafts.size();
        } finally {
            try (Statement restore = db.createStatement()) {
                restore.execute("set foreign_key_checks = 1");
            }
            db.setAutoCommit(autoCommit);
        }
    }

    /** Scores shaped like a panel's: each entry a quality, each judge a severity, each criterion some noise. */
    private static final class Scoring {
        private final Random random;
        private final long roundId;
        private final double[] severity;
        private final int[] maxPoints;
        private final Instant opened;
        private final long window;
        private double quality;

        Scoring(Random random, long roundId, int judges, int[] maxPoints, Instant opened, Instant now) {
            this.random = random;
            this.roundId = roundId;
            this.maxPoints = maxPoints;
            this.opened = opened;
            this.window = Math.max(1, Duration.between(opened, now).toMillis());
            severity = new double[judges];
            for (int j = 0; j < judges; j++) {
                severity[j] = random.nextGaussian() * 0.06;
            }
        }

        void nextEntry() {
            quality = 0.72 + random.nextGaussian() * 0.09;
        }

        void score(long card, long roundEntry, long judgeId, int judge, Rows cards, Rows scores) throws SQLException {
            score(card, roundEntry, judgeId, judge, cards, scores, Arrays.asList(CRITERIA).subList(0, maxPoints.length));
        }

        void score(long card, long roundEntry, long judgeId, int judge, Rows cards, Rows scores, List<String> names)
                throws SQLException {
            int total = 0;
            int primary = 0;
            for (int c = 0; c < maxPoints.length; c++) {
                double share = Math.max(0, Math.min(1, quality + severity[judge] + random.nextGaussian() * 0.07));
                int half = (int) Math.round(share * maxPoints[c] * 2);
                total += half;
                primary = c == 0 ? half : primary;
                scores.add(card, names.get(c), half);
            }
            LocalDateTime submitted = at(opened.plusMillis((long) (random.nextDouble() * window)));
            cards.add(card, roundId, roundEntry, judgeId, "SUBMITTED", total, primary, submitted, submitted, 1, "PLANNED");
        }
    }

    private static int[] append(int[] values, int value) {
        int[] more = Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        return more;
    }

    private void audit(String action, long round, String detail, Instant when) throws SQLException {
        try (Rows audit = new Rows(db, "audit_event", "occurred_at, actor, action, subject, detail, contest_code", 1)) {
            audit.add(at(when), prefix + "-organiser", action, "round:" + round, detail, spec.code());
        }
    }

    private long nextId(String table) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet row = query.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A small PNG of its own colour, so every file has its own bytes and SHA-256. */
    private byte[] image() {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        int colour = random.nextInt(0x1000000);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 24; y++) {
                image.setRGB(x, y, (x + y) % 5 == 0 ? 0xffffff : colour);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return png.toByteArray();
    }

    /** The bytes where the portal's FileStore looks for them: files/ab/abcdef…; nothing without a storage directory. */
    private void write(String storedName, byte[] bytes) {
        if (storageDir == null) {
            return;
        }
        try {
            Path target = storageDir.resolve("files").resolve(storedName.substring(0, 2)).resolve(storedName);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not write a generated file under " + storageDir, e);
        }
    }

    /** One PBKDF2 hash in the form Jakarta Security (Soteria) writes and checks: algorithm:iterations:salt:hash. */
    private String passwordHash() {
        try {
            byte[] salt = new byte[32];
            random.nextBytes(salt);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, PASSWORD_ITERATIONS, 256)).getEncoded();
            return "PBKDF2WithHmacSHA256:" + PASSWORD_ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Instants as the portal stores them: UTC wall-clock time (connectionTimeZone=UTC, preserveInstants=false). */
    private static LocalDateTime at(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static void main(String[] args) throws Exception {
        GeneratorCommand.main(args);
    }
}
