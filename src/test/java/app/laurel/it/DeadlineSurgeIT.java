package app.laurel.it;

import app.laurel.submission.CopiedStories;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadline surge (issue 11): hundreds of citizens press 提交 in the same second. Every one gets a receipt, the
 * numbers are distinct and without gaps, every entry is in the database, and 查重 still flags a copy among them a
 * moment later. Submissions do not queue behind one another on the contest's row.
 */
@ExtendWith(LaurelServerExtension.class)
class DeadlineSurgeIT {

    static final int CITIZENS = 300;
    /**
     * The whole scenario, too slow for every build: {@code -Dlaurel.surge.pictureMegabytes=6} makes each
     * citizen upload a 6 MB picture, attach it and submit, all within the race, and prints p50/p99 (see README).
     */
    private static final int PICTURE_MEGABYTES = Integer.getInteger("laurel.surge.pictureMegabytes", 0);
    private static final String PASSWORD = "Surge2026deadline";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    // A load test (a minute of 300 parallel submissions): mvn -Pfaults verify, or the command in the README for its figures.
    @Tag("faults")
    @Test
    void threeHundredCitizensSubmittingAtOnceAllGetDistinctReceiptsAndTheCopyAmongThemIsFlagged(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "截止前的高峰");
        List<String> tokens = citizens(server, api, CITIZENS);
        Path picture = PICTURE_MEGABYTES > 0 ? noisePicture(dir, PICTURE_MEGABYTES) : TestFiles.png(dir, 160, 120);
        List<Long> entries = prepare(tokens, i -> {
            String story = switch (i) {
                case 0 -> CopiedStories.original();
                case 1 -> CopiedStories.copying(0.90, 2, 10);
                default -> "第" + i + "位市民的禁毒故事：社区戒毒康复站的志愿者陪他走过了最难的一年。";
            };
            long id = draft(api, tokens.get(i), contest, "高峰" + i, ScreeningApiIT.paragraphs(story));
            if (PICTURE_MEGABYTES == 0) {
                long file = api.upload(picture, "照片" + i + ".png", tokens.get(i)).json().getJsonObject("file").getJsonNumber("id").longValue();
                Api.Reply attached = api.post("/api/v1/entries/" + id + "/files", "{\"fileId\":%d,\"role\":\"IMAGE\"}".formatted(file),
                        tokens.get(i), null);
                assertEquals(200, attached.status(), attached.body());
            }
            return id;
        });

        // Each citizen on a connection of their own, as 300 phones reach the proxy (the API client would share one
        // HTTP/2 connection among them all).
        HttpClient phones = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Callable<Submitted>> submits = new ArrayList<>();
        for (int i = 0; i < CITIZENS; i++) {
            HttpRequest submit = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/entries/" + entries.get(i) + "/submit"))
                    .timeout(Duration.ofMinutes(3)).header("Authorization", "Bearer " + tokens.get(i))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            long entry = entries.get(i);
            String token = tokens.get(i);
            submits.add(() -> {
                long began = System.nanoTime();
                if (PICTURE_MEGABYTES > 0) {
                    uploadAndAttach(server, phones, token, entry, picture);
                }
                long start = System.nanoTime();
                HttpResponse<String> reply = phones.send(submit, HttpResponse.BodyHandlers.ofString());
                long end = System.nanoTime();
                return new Submitted(new Api.Reply(reply.statusCode(), reply.body(), reply), (end - start) / 1_000_000,
                        (end - began) / 1_000_000);
            });
        }
        long raceStart = System.nanoTime();
        List<Submitted> results = StartGate.race(submits);
        long raceSeconds = (System.nanoTime() - raceStart) / 1_000_000_000L;

        List<String> failures = results.stream().filter(r -> r.reply().status() != 200)
                .map(r -> r.reply().status() + " " + r.reply().body()).toList();
        assertEquals(List.of(), failures, "every submission at the deadline succeeds");
        Set<String> receipts = results.stream().map(r -> r.reply().json().getString("receiptNo")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = IntStream.rangeClosed(1, CITIZENS).mapToObj(n -> contest.code() + "-" + String.format("%04d", n))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, receipts, "300 distinct receipt numbers, none skipped");
        long[] millis = results.stream().mapToLong(Submitted::millis).sorted().toArray();
        long[] whole = results.stream().mapToLong(Submitted::wholeMillis).sorted().toArray();
        System.out.printf("Deadline surge: %d citizens at once, picture %s, all done in %d s; submit p50 %d ms, p99 %d ms,"
                        + " slowest %d ms; upload+attach+submit p50 %d ms, p99 %d ms%n", CITIZENS,
                PICTURE_MEGABYTES > 0 ? PICTURE_MEGABYTES + " MB uploaded in the race" : "small, uploaded before", raceSeconds,
                millis[CITIZENS / 2], millis[CITIZENS * 99 / 100], millis[CITIZENS - 1], whole[CITIZENS / 2], whole[CITIZENS * 99 / 100]);

        try (Connection db = server.connect(); PreparedStatement query = db.prepareStatement("""
                select count(*), count(distinct e.receipt_no), count(distinct ef.file_id) from entry e
                join contest c on c.id = e.contest_id join entry_file ef on ef.entry_id = e.id
                where c.code = ? and e.status = 'SUBMITTED' and ef.role = 'IMAGE'""")) {
            query.setString(1, contest.code());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(CITIZENS, row.getInt(1), "every entry is in the database, submitted, with its picture");
                assertEquals(CITIZENS, row.getInt(2));
                assertEquals(CITIZENS, row.getInt(3));
            }
        }

        DuplicateChecks.awaitChecked(server, entries.stream().mapToLong(Long::longValue).toArray());
        String flags = api.get("/api/v1/screening/" + contest.code() + "/duplicates", organiser, null).structure().asJsonArray()
                .stream().map(JsonValue::asJsonObject)
                .filter(f -> f.getJsonNumber("entryA").longValue() == entries.get(1) && f.getJsonNumber("entryB").longValue() == entries.get(0)
                        || f.getJsonNumber("entryA").longValue() == entries.get(0) && f.getJsonNumber("entryB").longValue() == entries.get(1))
                .map(JsonObject::toString).collect(Collectors.joining());
        assertTrue(flags.contains("\"score\""), "the copy submitted in the same second as its original is flagged");
    }

    @Test
    void aSubmissionDoesNotWaitForAnotherInFlight(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "比赛被锁定时的提交");
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long entry = draft(api, citizen, contest, "锁", "<p>社区戒毒康复站的志愿者陪他走过了最难的一年。</p>");
        try (Connection db = server.connect()) {
            // As another submission in flight holds it: changing an entry's status checks the entry's contest key and
            // so holds the contest's row shared until it commits. The submission used to need that row exclusively.
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("select id from contest where code = ? lock in share mode")) {
                lock.setString(1, contest.code());
                lock.executeQuery().close();
            }
            long start = System.nanoTime();
            Api.Reply submitted = api.post("/api/v1/entries/" + entry + "/submit", "", citizen, null);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            db.rollback();
            assertEquals(200, submitted.status(), submitted.body());
            assertEquals(contest.code() + "-0001", submitted.json().getString("receiptNo"));
            assertTrue(seconds < 10, "the submission waited " + seconds + " s for another");
        }
    }

    private record Submitted(Api.Reply reply, long millis, long wholeMillis) {
    }

    /** The citizen's picture through the resumable upload (declare, then the bytes), attached to the draft. */
    private static void uploadAndAttach(TestServer server, HttpClient phone, String token, long entry, Path picture) throws Exception {
        String base = server.baseUrl() + "/api/v1";
        HttpResponse<String> begun = phone.send(HttpRequest.newBuilder(URI.create(base + "/uploads")).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fileName\":\"照片.png\",\"length\":" + Files.size(picture) + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, begun.statusCode(), begun.body());
        String upload = new Api.Reply(201, begun.body(), begun).json().getString("id");
        HttpResponse<String> done = phone.send(HttpRequest.newBuilder(URI.create(base + "/uploads/" + upload)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", "0").method("PATCH", HttpRequest.BodyPublishers.ofFile(picture)).build(),
                HttpResponse.BodyHandlers.ofString());
        long file = new Api.Reply(done.statusCode(), done.body(), done).json().getJsonObject("file").getJsonNumber("id").longValue();
        HttpResponse<String> attached = phone.send(HttpRequest.newBuilder(URI.create(base + "/entries/" + entry + "/files"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fileId\":%d,\"role\":\"IMAGE\"}".formatted(file))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, attached.statusCode(), attached.body());
    }

    /** A photograph-sized PNG of noise, which no compression shrinks: about {@code megabytes} MB on the wire. */
    private static Path noisePicture(Path dir, int megabytes) throws Exception {
        int side = (int) Math.sqrt(megabytes * 1_000_000 / 3.0);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(11);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        Path out = dir.resolve("surge-" + megabytes + "mb.png");
        javax.imageio.ImageIO.write(image, "png", out.toFile());
        return out;
    }

    interface Preparation {
        long of(int index) throws Exception;
    }

    /** Each citizen's draft, made in parallel (but not racing) to keep the test short; their ids in order. */
    static List<Long> prepare(List<String> tokens, Preparation preparation) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Long>> made = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                int index = i;
                made.add(threads.submit(() -> preparation.of(index)));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> id : made) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            threads.shutdownNow();
        }
    }

    static long draft(Api api, String token, RoundFixture.ContestRef contest, String title, String bodyHtml) throws Exception {
        Api.Reply created = api.post("/api/v1/entries", """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"%s","bodyHtml":"%s","originalityDeclared":true,"displayConsent":true}"""
                .formatted(contest.code(), contest.category(), title, bodyHtml.replace("\"", "\\\"").replace("\n", "")), token, null);
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonNumber("id").longValue();
    }

    /**
     * {@code count} citizens with an API token each. One registers through the API; the others are copies of its
     * account made in the database with tokens issued there, because hashing hundreds of passwords (on purpose
     * slow) would take minutes and is not what this test is about.
     */
    static List<String> citizens(TestServer server, Api api, int count) throws Exception {
        String template = api.registerCitizen(PASSWORD);
        List<String> tokens = new ArrayList<>();
        try (Connection db = server.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement account = db.prepareStatement("""
                    insert into account (username, password_hash, display_name, phone, created_at, password_changed_at)
                    select ?, password_hash, display_name, phone, created_at, password_changed_at from account where username = ?""",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement role = db.prepareStatement("insert into account_role (account_id, role) values (?, 'PUBLIC')");
                 PreparedStatement token = db.prepareStatement("""
                         insert into api_token (token_hash, account_id, created_at, expires_at)
                         values (?, ?, utc_timestamp(3), utc_timestamp(3) + interval 1 day)""")) {
                for (int i = 0; i < count; i++) {
                    account.setString(1, Api.uniqueName("srg"));
                    account.setString(2, template);
                    account.executeUpdate();
                    long id;
                    try (ResultSet key = account.getGeneratedKeys()) {
                        key.next();
                        id = key.getLong(1);
                    }
                    role.setLong(1, id);
                    role.executeUpdate();
                    byte[] secret = new byte[32];
                    RANDOM.nextBytes(secret);
                    String value = "lrl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
                    token.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(StandardCharsets.UTF_8))));
                    token.setLong(2, id);
                    token.executeUpdate();
                    tokens.add(value);
                }
            }
            db.commit();
        }
        return tokens;
    }
}
