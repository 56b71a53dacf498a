package app.laurel.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The deadline surge of issue 15 as a scenario any portal can be put through, one node ({@link DeadlineSurgeBenchmark})
 * or several behind nginx ({@link ClusterBenchmark}): {@code n} citizens each upload a real picture, attach it to the
 * story they drafted earlier and submit it, in the last minute before the contest's deadline (set by the server's
 * clock when the contest is made), each on a connection of their own through the real API.
 * <p>
 * Arrival patterns: <b>spread</b>, the citizens start one after another at even intervals over the minute that ends
 * 10 s before the deadline (300 in a minute is five a second, every one still uploading while others start);
 * <b>all at once</b>, every citizen starts at the same instant as the last minute begins, the worst case. A citizen
 * whose upload and submit take them past the deadline gets the portal's 409, counted as an error: that is what a slow
 * portal does to a person at the deadline. Each run prints p50, p95, p99 and max of the submit alone and of upload +
 * attach + submit, and the errors; afterwards it counts in the database: exactly the confirmed entries, distinct
 * receipt numbers, each picture on disk with the SHA-256 that was sent.
 */
final class DeadlineSurge {

    private static final int SPREAD_SECONDS = 60;
    private static final Duration PREPARATION = Duration.ofSeconds(90);

    /** What a surge needs of a portal: its address, its database (to make citizens and count afterwards) and its files. */
    interface Portal {

        String baseUrl();

        Connection connect() throws java.sql.SQLException;

        /** {@code LAUREL_STORAGE_DIR}: every node's, when there are several. */
        Path storageDir();
    }

    private final List<Path> pictures;
    private final List<String> sums;

    private DeadlineSurge(List<Path> pictures, List<String> sums) {
        this.pictures = pictures;
        this.sums = sums;
    }

    /** {@code citizens} pictures of {@code megabytes} MB in {@code work}, made once for every run. */
    static DeadlineSurge prepare(Path work, int citizens, int megabytes) throws Exception {
        List<Path> pictures = new ArrayList<>();
        List<String> sums = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            pictures.add(noisePng(work.resolve("picture-" + i + ".png"), megabytes, i));
            sums.add(sha256(pictures.get(i)));
        }
        return new DeadlineSurge(List.copyOf(pictures), List.copyOf(sums));
    }

    /**
     * What one surge measured: the load average as it began, how many citizens and how many were refused, the
     * submit alone and upload + attach + submit of those confirmed (milliseconds, sorted), and whether the database
     * holds exactly the confirmed entries with their pictures.
     */
    record Result(String load, int citizens, int errors, long[] submitMillis, long[] wholeMillis, boolean intact) {

        double submit(double quantile) {
            return at(submitMillis, quantile);
        }

        double whole(double quantile) {
            return at(wholeMillis, quantile);
        }
    }

    private record Timing(int status, String receipt, String error, long submitMillis, long wholeMillis) {
    }

    /**
     * One surge into a contest of its own whose deadline falls just after the last citizen starts; {@code spread}:
     * the citizens start at even intervals over the last minute, else all at the same instant.
     */
    Result run(Portal portal, boolean spread) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        String base = portal.baseUrl() + "/api/v1";
        String organiser = login(http, base, "organiser");
        Instant serverNow = serverClock(http, portal.baseUrl());
        Instant deadline = serverNow.plus(PREPARATION).plusSeconds(SPREAD_SECONDS + 10);
        String code = "S" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        send(http, post(base + "/contests", organiser, """
                {"code":"%s","title":"截止前一分钟","phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"}},
                 "categories":["禁毒志愿者"],"story":{"minChars":10,"maxChars":5000,"maxImages":2,"attachmentAllowed":true}}"""
                .formatted(code, serverNow.minus(Duration.ofHours(1)), deadline)), 201);
        long category = send(http, HttpRequest.newBuilder(URI.create(base + "/contests/" + code)).build(), 200)
                .getJsonArray("categories").getJsonObject(0).getJsonNumber("id").longValue();
        List<String> tokens = citizens(portal, pictures.size());
        List<Long> drafts = drafts(http, base, tokens, code, category);
        // Spread: the last citizen starts 10 s before the deadline; all at once: everybody as the last minute begins.
        Instant windowStart = deadline.minusSeconds(spread ? SPREAD_SECONDS + 10 : 60);
        long wait = Duration.between(serverClock(http, portal.baseUrl()), windowStart).toMillis();
        if (wait < 0) {
            throw new IllegalStateException("preparing " + tokens.size() + " drafts took longer than " + PREPARATION.toSeconds()
                    + " s on this machine: the surge would miss its deadline; run with fewer -Dsurge.citizens");
        }
        Thread.sleep(wait);
        String load = loadAverage();
        long t0 = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(tokens.size());
        List<Future<Timing>> futures = new ArrayList<>();
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < tokens.size(); i++) {
            int index = i;
            long startNanos = spread ? (long) SPREAD_SECONDS * 1_000_000_000L * i / tokens.size() : 0;
            futures.add(threads.submit(() -> {
                gate.await();
                long sleep = startNanos - (System.nanoTime() - t0);
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
                return citizen(http, base, tokens.get(index), drafts.get(index), pictures.get(index));
            }));
        }
        gate.countDown();
        List<Timing> timings = new ArrayList<>();
        for (Future<Timing> f : futures) {
            timings.add(f.get());
        }
        threads.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String pattern = spread ? "spread over the last " + SPREAD_SECONDS + " s" : "all at once";
        System.out.printf("%n== %s: %d citizens, %.0f s from the first start to the last reply; load average %s%n",
                pattern, tokens.size(), seconds, load);
        List<String> errors = timings.stream().filter(t -> t.error() != null).map(Timing::error).toList();
        System.out.printf("errors: %d%s%n", errors.size(), errors.isEmpty() ? "" : " " + errors.subList(0, Math.min(5, errors.size())));
        long[] submit = timings.stream().filter(t -> t.error() == null).mapToLong(Timing::submitMillis).sorted().toArray();
        long[] whole = timings.stream().filter(t -> t.error() == null).mapToLong(Timing::wholeMillis).sorted().toArray();
        double p99 = percentiles("submit (ms)", submit);
        percentiles("upload + attach + submit (ms)", whole);
        // A citizen refused (past the deadline, told so by a 409) has nothing stored: the database must hold exactly
        // those whose submission was confirmed.
        boolean intact = check(portal, code, tokens.size() - errors.size(), drafts);
        System.out.printf("target: 0 errors, 0 lost or duplicated, submit p99 < 2000 ms: %s%n",
                errors.isEmpty() && intact && p99 < 2_000 ? "met" : "MISSED");
        return new Result(load, tokens.size(), errors.size(), submit, whole, intact);
    }

    /** What one citizen does in the last minute, timed: upload the picture, attach it, submit. Errors are counted, not thrown. */
    private static Timing citizen(HttpClient http, String base, String token, long entry, Path picture) {
        long began = System.nanoTime();
        try {
            JsonObject upload = send(http, post(base + "/uploads", token,
                    "{\"fileName\":\"照片.png\",\"length\":" + Files.size(picture) + "}"), 201);
            JsonObject stored = send(http, authorised(base + "/uploads/" + upload.getString("id"), token)
                    .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", "0")
                    .method("PATCH", HttpRequest.BodyPublishers.ofFile(picture)).build(), 200);
            long file = stored.getJsonObject("file").getJsonNumber("id").longValue();
            send(http, post(base + "/entries/" + entry + "/files", token, "{\"fileId\":%d,\"role\":\"IMAGE\"}".formatted(file)), 200);
            long submitStart = System.nanoTime();
            JsonObject submitted = send(http, authorised(base + "/entries/" + entry + "/submit", token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
            long end = System.nanoTime();
            return new Timing(200, submitted.getString("receiptNo"), null, (end - submitStart) / 1_000_000, (end - began) / 1_000_000);
        } catch (Exception e) {
            return new Timing(0, null, e.getMessage(), 0, 0);
        }
    }

    /** Exactly n submitted entries (those confirmed), n distinct receipts, each with its picture on disk as sent (SHA-256). */
    private boolean check(Portal portal, String code, int n, List<Long> drafts) throws Exception {
        Map<Long, Integer> citizenOf = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            citizenOf.put(drafts.get(i), i);
        }
        int entries = 0;
        java.util.Set<String> receipts = new java.util.HashSet<>();
        int filesRight = 0;
        List<String> wrong = new ArrayList<>();
        try (Connection db = portal.connect(); PreparedStatement query = db.prepareStatement("""
                select e.id, e.receipt_no, f.stored_name, f.sha256 from entry e join contest c on c.id = e.contest_id
                left join entry_file ef on ef.entry_id = e.id and ef.role = 'IMAGE' left join stored_file f on f.id = ef.file_id
                where c.code = ? and e.status = 'SUBMITTED'""")) {
            query.setString(1, code);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    entries++;
                    receipts.add(row.getString(2));
                    Integer citizen = citizenOf.get(row.getLong(1));
                    String storedName = row.getString(3);
                    Path onDisk = storedName == null ? null
                            : portal.storageDir().resolve("files").resolve(storedName.substring(0, 2)).resolve(storedName);
                    String sent = citizen == null ? null : sums.get(citizen);
                    if (onDisk != null && Files.isRegularFile(onDisk) && sha256(onDisk).equals(sent) && sent.equals(row.getString(4))) {
                        filesRight++;
                    } else if (wrong.size() < 5) {
                        wrong.add("entry " + row.getLong(1) + ": " + onDisk);
                    }
                }
            }
        }
        System.out.printf("in the database: %d submitted entries (confirmed %d), %d distinct receipt numbers, %d pictures on disk"
                + " with the SHA-256 sent%s%n", entries, n, receipts.size(), filesRight, wrong.isEmpty() ? "" : "; wrong: " + wrong);
        if (entries != n || receipts.size() != n || filesRight != n) {
            System.out.println("LOST OR DUPLICATED ENTRIES OR FILES");
            return false;
        }
        return true;
    }

    private static double percentiles(String what, long[] millis) {
        if (millis.length == 0) {
            System.out.printf("%-32s no successful request%n", what);
            return Double.MAX_VALUE;
        }
        double p99 = at(millis, 0.99);
        System.out.printf("%-32s p50 %6.0f   p95 %6.0f   p99 %6.0f   max %6d   (n=%d)%n", what, at(millis, 0.50), at(millis, 0.95),
                p99, millis[millis.length - 1], millis.length);
        return p99;
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * quantile) - 1)];
    }

    /**
     * {@code n} citizens with an API token each, copies of the demo citizen made in the database: hashing hundreds of
     * passwords (slow on purpose) would take minutes and is not what is measured.
     */
    private static List<String> citizens(Portal portal, int n) throws Exception {
        List<String> tokens = new ArrayList<>();
        Random random = new java.security.SecureRandom();
        try (Connection db = portal.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement account = db.prepareStatement("""
                    insert into account (username, password_hash, display_name, phone, created_at, password_changed_at)
                    select ?, password_hash, display_name, phone, created_at, password_changed_at from account where username = 'citizen'""",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement role = db.prepareStatement("insert into account_role (account_id, role) values (?, 'PUBLIC')");
                 PreparedStatement token = db.prepareStatement("""
                         insert into api_token (token_hash, account_id, created_at, expires_at)
                         values (?, ?, utc_timestamp(3), utc_timestamp(3) + interval 1 day)""")) {
                for (int i = 0; i < n; i++) {
                    account.setString(1, "surge" + Long.toString(System.nanoTime(), 36) + i);
                    if (account.executeUpdate() != 1) {
                        throw new IllegalStateException("the demo account 'citizen' is missing: LAUREL_DEMO_ENABLED");
                    }
                    long id;
                    try (ResultSet key = account.getGeneratedKeys()) {
                        key.next();
                        id = key.getLong(1);
                    }
                    role.setLong(1, id);
                    role.executeUpdate();
                    byte[] secret = new byte[32];
                    random.nextBytes(secret);
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

    /** Each citizen's story, written before the last minute (six at a time, not racing). */
    private static List<Long> drafts(HttpClient http, String base, List<String> tokens, String code, long category) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Long>> made = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                int index = i;
                made.add(threads.submit(() -> send(http, post(base + "/entries", tokens.get(index), """
                        {"contest":"%s","type":"STORY","categoryId":%d,"title":"截止前的故事%d","bodyHtml":"%s","originalityDeclared":true,"displayConsent":true}"""
                        .formatted(code, category, index, story(index))), 201).getJsonNumber("id").longValue()));
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

    /** About 800 characters of a story of its own, so that 查重 (which runs after each submission) has real work. */
    private static String story(int seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("<p>");
        while (text.length() < 800) {
            for (int w = 0; w < 12; w++) {
                text.appendCodePoint(0x4E00 + random.nextInt(3_000));
            }
            text.append(random.nextInt(3) == 0 ? "。" : "，");
        }
        return text.append("</p>").toString();
    }

    /**
     * A real PNG of {@code megabytes} MB of noise, different for every {@code seed}: stored (uncompressed) deflate
     * blocks, so writing one takes milliseconds; the portal sees a valid picture of about 1,300 × 1,300 pixels.
     */
    static Path noisePng(Path out, int megabytes, int seed) throws IOException {
        int side = (int) Math.sqrt(megabytes * 1024.0 * 1024 / 3);
        Random random = new Random(seed);
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream(side * (side * 3 + 1) + 1024);
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat, new Deflater(Deflater.NO_COMPRESSION))) {
            byte[] row = new byte[side * 3 + 1];
            for (int y = 0; y < side; y++) {
                random.nextBytes(row);
                row[0] = 0; // filter: none
                deflate.write(row);
            }
        }
        try (DataOutputStream png = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(out)))) {
            png.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 8).put((byte) 2)
                    .put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(png, "IHDR", header.array());
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
        }
        return out;
    }

    private static void chunk(DataOutputStream png, String type, byte[] data) throws IOException {
        png.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.write(name);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeInt((int) crc.getValue());
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String login(HttpClient http, String base, String username) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(base + "/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"Laurel2026\"}")).build(), 201)
                .getString("token");
    }

    /** The server's clock from its Date header: the deadline is the server's, not this machine's. */
    private static Instant serverClock(HttpClient http, String base) throws Exception {
        HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        return reply.headers().firstValue("Date").map(d -> ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .orElseGet(Instant::now);
    }

    private static HttpRequest.Builder authorised(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token);
    }

    private static HttpRequest post(String url, String token, String json) {
        HttpRequest.Builder builder = token == null ? HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                : authorised(url, token);
        return builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static JsonObject send(HttpClient http, HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != expected) {
            throw new IOException(request.method() + " " + request.uri().getPath() + ": HTTP " + reply.statusCode() + " "
                    + reply.body().substring(0, Math.min(200, reply.body().length())));
        }
        return reply.body().isBlank() ? JsonObject.EMPTY_JSON_OBJECT : Json.createReader(new StringReader(reply.body())).readObject();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
