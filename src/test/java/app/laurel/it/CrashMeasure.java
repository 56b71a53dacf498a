package app.laurel.it;

import jakarta.json.JsonObject;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code mvn -Pcrash package}: the crash test of issue 11. A portal of its own; 20 clients at once (8 citizens
 * submitting a story with a photo, 6 resumable uploads of 6 MB photos in 512 KB pieces, 6 judges saving scores);
 * once ten submissions and three uploads are acknowledged (or after five minutes) Payara is killed with
 * {@code kill -9} and started again on the same database and file store. Then:
 * every acknowledged submission is there with its receipt and its photo's SHA-256, every acknowledged score save is
 * stored (or the one in flight at the kill, never a mix), no half rows (a submitted entry without receipt or photo,
 * a stored file missing or different on disk, a score card with some criteria only), and every interrupted upload
 * resumes from the server's offset to the right SHA-256. Prints the figures; exits 1 if anything is lost.
 */
public final class CrashMeasure {

    private static final String PASSWORD = "Crash2026test";
    private static final int PIECE = 512 * 1024;

    private final TestServer server;
    private final Api api;
    private final Path dir;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final Map<Long, int[]> scores = new ConcurrentHashMap<>(); // card -> {acknowledged total, in flight}
    private final java.util.concurrent.atomic.AtomicInteger scoreSaves = new java.util.concurrent.atomic.AtomicInteger();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    record Submission(String username, long entryId, String receiptNo, long fileId, String sha256) {
    }

    static final class Upload {
        final String token;
        final Path file;
        volatile String id;
        volatile long acknowledged;
        volatile boolean finished;

        Upload(String token, Path file) {
            this.token = token;
            this.file = file;
        }
    }

    private CrashMeasure(TestServer server, Path dir) {
        this.server = server;
        this.api = new Api(server);
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("laurel.war", args[0]);
        System.setProperty("laurel.payara.jar", args[1]);
        Path work = Path.of(args[2]);
        long killAfterSeconds = args.length > 3 ? Long.parseLong(args[3]) : 300;
        boolean lost;
        try (TestServer server = TestServer.start(work, true)) {
            lost = new CrashMeasure(server, Files.createDirectories(work.resolve("client"))).run(killAfterSeconds);
        }
        System.exit(lost ? 1 : 0);
    }

    private boolean run(long killAfterSeconds) throws Exception {
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "断电测试");
        for (int i = 0; i < 4; i++) {
            RoundFixture.acceptedEntry(api, organiser, contest, "待评的故事" + i);
        }
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 6);
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":2", judges.keySet());
        check(api.post("/api/v1/rounds/" + round + "/open", "", organiser, null), 200);

        ExecutorService clients = Executors.newFixedThreadPool(20);
        CountDownLatch gate = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            int n = i;
            clients.submit(() -> until(gate, () -> submitter(contest, n)));
        }
        for (int i = 0; i < 6; i++) {
            String token = api.token(api.registerCitizen(PASSWORD), PASSWORD);
            Path photo = noisyPng(dir.resolve("upload-" + i + ".png"), i);
            clients.submit(() -> until(gate, () -> uploader(token, photo)));
        }
        for (String judge : judges.values()) {
            clients.submit(() -> until(gate, () -> scorer(judge)));
        }
        gate.countDown();
        // Kill mid-way: once enough of each kind is acknowledged (a slow machine needs longer), or at the latest
        long start = System.nanoTime();
        do {
            Thread.sleep(1000);
        } while ((submissions.size() < 10 || uploads.stream().filter(u -> u.finished).count() < 3)
                && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(killAfterSeconds));
        System.out.printf("kill -9 of Payara after %d s: %d submissions, %d finished uploads and %d score saves acknowledged%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), submissions.size(),
                uploads.stream().filter(u -> u.finished).count(), scoreSaves.get());
        try {
            server.killAndRestartPayara();
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(2, TimeUnit.MINUTES);
        }
        verify();
        System.out.println(problems.isEmpty() ? "NOTHING LOST" : problems.size() + " PROBLEMS:\n" + String.join("\n", problems));
        return !problems.isEmpty();
    }

    interface Work {
        void run() throws Exception;
    }

    /** Repeats the work after the start gate until the server dies under it (the first failure ends the client). */
    private Void until(CountDownLatch gate, Work work) throws InterruptedException {
        gate.await();
        try {
            while (running.get()) {
                work.run();
            }
        } catch (Exception | AssertionError e) {
            // the kill: whatever was in flight is not acknowledged
        }
        return null;
    }

    private void submitter(RoundFixture.ContestRef contest, int n) throws Exception {
        String username = api.registerCitizen(PASSWORD);
        String token = api.token(username, PASSWORD);
        Path photo = TestFiles.png(Files.createDirectories(dir.resolve(username)), 200 + n, 150 + submissions.size() % 50);
        long fileId = api.upload(photo, "照片.png", token).json().getJsonObject("file").getJsonNumber("id").longValue();
        Api.Reply draft = api.post("/api/v1/entries", """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"断电前的故事","originalityDeclared":true,\
                "displayConsent":true,"bodyHtml":"<p>%s</p>"}""".formatted(contest.code(), contest.category(),
                ("第" + n + "位作者写道：社区的禁毒宣传让我记住了拒绝的勇气。").repeat(6)), token, null);
        long entryId = draft.json().getJsonNumber("id").longValue();
        check(api.post("/api/v1/entries/" + entryId + "/files", "{\"fileId\":%d,\"role\":\"IMAGE\"}".formatted(fileId), token, null), 200);
        Api.Reply receipt = check(api.post("/api/v1/entries/" + entryId + "/submit", "", token, null), 200);
        submissions.add(new Submission(username, entryId, receipt.json().getString("receiptNo"), fileId, TestFiles.sha256(photo)));
    }

    private void uploader(String token, Path photo) throws Exception {
        Upload upload = new Upload(token, photo);
        uploads.add(upload);
        long length = Files.size(photo);
        upload.id = check(api.post("/api/v1/uploads", "{\"fileName\":\"大照片.png\",\"length\":" + length + "}", token, null), 201)
                .json().getString("id");
        send(upload, 0);
    }

    /** Sends the rest of an upload from {@code offset}, piece by piece, noting each offset the server acknowledged. */
    private Api.Reply send(Upload upload, long offset) throws Exception {
        byte[] bytes = Files.readAllBytes(upload.file);
        Api.Reply reply = null;
        for (long at = offset; at < bytes.length; at += PIECE) {
            int end = (int) Math.min(bytes.length, at + PIECE);
            reply = check(api.patch("/api/v1/uploads/" + upload.id, at,
                    HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, (int) at, end)), upload.token), 200);
            upload.acknowledged = end;
        }
        upload.finished = true;
        return reply;
    }

    private void scorer(String judge) throws Exception {
        Random random = new Random(judge.hashCode());
        for (JsonObject card : JudgingRulesIT.cards(api, judge)) {
            long id = card.getJsonNumber("scorecardId").longValue();
            int total = 50 + random.nextInt(40);
            int[] state = scores.computeIfAbsent(id, k -> new int[] {-1, -1});
            state[1] = total * 2;
            check(api.put("/api/v1/judging/scorecards/" + id, RoundFixture.split(total), judge), 200);
            state[0] = total * 2;
            scoreSaves.incrementAndGet();
        }
    }

    private void verify() throws Exception {
        for (Submission s : submissions) {
            String token = api.token(s.username(), PASSWORD);
            JsonObject entry = api.get("/api/v1/entries/" + s.entryId(), token, null).json();
            if (!"SUBMITTED".equals(entry.getString("status")) || !s.receiptNo().equals(entry.getString("receiptNo", null))) {
                problems.add("entry " + s.entryId() + " acknowledged as " + s.receiptNo() + " is now " + entry);
            }
            String served = sha256(api.bytes("/api/v1/files/" + s.fileId() + "/content", token));
            if (!served.equals(s.sha256())) {
                problems.add("the photo of " + s.receiptNo() + " has SHA-256 " + served + ", sent " + s.sha256());
            }
        }
        int resumed = 0;
        int finished = 0;
        for (Upload upload : uploads) {
            if (upload.id == null) {
                continue;
            }
            if (upload.finished) {
                finished++;
                continue;
            }
            Api.Reply head = api.head("/api/v1/uploads/" + upload.id, upload.token);
            long offset = Long.parseLong(head.raw().headers().firstValue("Upload-Offset").orElse("-1"));
            if (head.status() != 200 || offset < upload.acknowledged) {
                problems.add("upload " + upload.id + " acknowledged to " + upload.acknowledged + " now " + head.status() + " at " + offset);
                continue;
            }
            JsonObject file = send(upload, offset).json().getJsonObject("file");
            if (!TestFiles.sha256(upload.file).equals(file.getString("sha256"))) {
                problems.add("upload " + upload.id + " resumed at " + offset + " stored SHA-256 " + file.getString("sha256"));
            }
            resumed++;
        }
        int scoreRows = halfRowsAndScores();
        System.out.printf("after the restart: %d acknowledged submissions checked (receipt, photo SHA-256), %d uploads"
                        + " finished before the kill, %d interrupted uploads resumed to the right SHA-256, %d score cards"
                        + " checked, %d stored files checked on disk%n", submissions.size(), finished, resumed,
                scores.size(), scoreRows);
    }

    /** Half rows in the database and the scores stored; returns the number of stored files checked on disk. */
    private int halfRowsAndScores() throws Exception {
        try (Connection db = server.connect(); Statement sql = db.createStatement()) {
            count(sql, "submitted entries without receipt or time",
                    "select count(*) from entry where status = 'SUBMITTED' and (receipt_no is null or submitted_at is null)");
            count(sql, "crash-test entries submitted without their photo", "select count(*) from entry e join contest c"
                    + " on c.id = e.contest_id where c.code = (select code from contest where title = '断电测试' limit 1)"
                    + " and e.status = 'SUBMITTED' and e.title = '断电前的故事'"
                    + " and not exists (select 1 from entry_file f where f.entry_id = e.id)");
            count(sql, "score cards with only some criteria", "select count(*) from (select scorecard_id from score"
                    + " group by scorecard_id having count(*) not in (0, 4)) partial");
            try (PreparedStatement stored = db.prepareStatement(
                    "select sum(half_points) from score where scorecard_id = ?")) {
                for (Map.Entry<Long, int[]> card : scores.entrySet()) {
                    stored.setLong(1, card.getKey());
                    try (ResultSet sum = stored.executeQuery()) {
                        sum.next();
                        int value = sum.getInt(1);
                        int[] state = card.getValue();
                        if (state[0] >= 0 && value != state[0] && value != state[1]) {
                            problems.add("score card " + card.getKey() + " holds " + value + " half points, acknowledged "
                                    + state[0] + " (in flight " + state[1] + ")");
                        }
                    }
                }
            }
            int files = 0;
            try (ResultSet row = sql.executeQuery("select stored_name, sha256 from stored_file")) {
                while (row.next()) {
                    String name = row.getString(1);
                    Path file = server.storageDir().resolve("files").resolve(name.substring(0, 2)).resolve(name);
                    if (!Files.isRegularFile(file) || !sha256(Files.readAllBytes(file)).equals(row.getString(2))) {
                        problems.add("stored file " + name + " missing or different on disk");
                    }
                    files++;
                }
            }
            return files;
        }
    }

    private void count(Statement sql, String what, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            if (rows.getInt(1) != 0) {
                problems.add(rows.getInt(1) + " " + what);
            }
        }
    }

    private static Api.Reply check(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException(reply.status() + " " + reply.body());
        }
        return reply;
    }

    /** A PNG of random pixels: about 6 MB that no compression shrinks, different for each uploader. */
    private static Path noisyPng(Path out, long seed) throws Exception {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(1400, 1400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ImageIO.write(image, "png", out.toFile());
        return out;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
