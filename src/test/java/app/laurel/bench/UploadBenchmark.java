package app.laurel.bench;

import app.laurel.devserver.EmbeddedDatabase;
import app.laurel.devserver.PayaraProcess;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 15's upload targets. (1) 10 concurrent 2 GiB uploads through the resumable upload ({@code /api/v1/uploads},
 * 8 MB pieces) at an aggregate of at least 0.7 times the disk's own rate, measured just before in the same run as
 * 10 concurrent {@code dd bs=4M count=512 conv=fsync} from /dev/zero: the same ten writers to the same disk at
 * once, so the reference sees the same contention the uploads do (one 20 GiB dd would be one sequential stream,
 * flattering the disk). Payara's resident memory (VmRSS) is sampled every 200 ms: growth under 64 MiB. (2) One
 * 4 GiB MP4 end to end: uploaded, checked by Tika and stored, attached to a draft of the demo's video collection
 * (HYKT2021: 25–35 minutes, up to 4 GiB), and the entry then lists it.
 * <p>
 * The files are real MP4s: ffmpeg makes a short clip (a 30-minute one for the video collection, at one frame a
 * second so it stays small), and a top-level {@code free} box with a 64-bit size grows it to the size wanted. That is
 * valid ISO BMFF that every parser skips, so Tika still names it video/mp4 and the duration stays the clip's.
 * Needs about 26 GB free; everything (sources, dd files, uploads, storage, database) is deleted at the end, also
 * on failure. The uploads' per-account limits are raised for the run through the environment.
 * <p>
 * {@code mvn -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:exec@bench-upload}
 * (arguments: WAR, Payara Micro jar, work directory, uploads [10], GiB each [2], video GiB [4]).
 */
public final class UploadBenchmark {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final int PIECE = 8 * 1024 * 1024;

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payaraJar = Path.of(args[1]);
        Path work = Path.of(args[2]).toAbsolutePath().resolve("upload-" + System.nanoTime());
        int uploads = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        long each = (args.length > 4 ? Long.parseLong(args[4]) : 2) * GIB;
        long video = (args.length > 5 ? Long.parseLong(args[5]) : 4) * GIB;
        if (uploads < 1 || uploads > 20 || each < GIB || each > 8 * GIB || video < GIB || video > 4 * GIB) {
            throw new IllegalArgumentException("uploads must be 1..20 (the open-upload limit), 1..8 GiB each and the"
                    + " video 1..4 GiB (the collection's limit)");
        }
        Files.createDirectories(work);
        long needed = each + uploads * each + 2 * video + GIB;
        long free = Files.getFileStore(work).getUsableSpace();
        if (free < needed) {
            throw new IllegalStateException("needs " + needed / GIB + " GiB free in " + work + ", has " + free / GIB);
        }
        try {
            run(war, payaraJar, work, uploads, each, video);
        } finally {
            Machine.deleteTree(work);
        }
    }

    private static void run(Path war, Path payaraJar, Path work, int uploads, long each, long videoSize) throws Exception {
        Path source = mp4(work, "source", 5, each);
        double ddRate = dd(work, uploads, each);
        System.out.printf("reference: %d concurrent dd bs=4M conv=fsync of %d GiB: %.0f MB/s together; load %s%n", uploads,
                each / GIB, ddRate, Machine.load());

        try (EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("db"), work.resolve("mariadb"))) {
            Map<String, String> env = Map.of("DB_URL", db.jdbcUrl(), "DB_USER", "laurel", "DB_PASSWORD", "laurel",
                    "LAUREL_STORAGE_DIR", work.resolve("files").toString(), "LAUREL_DEMO_ENABLED", "true",
                    "LAUREL_UPLOADS_MAX_STORED_MB", String.valueOf(4 * (uploads * each + videoSize) / (1024 * 1024)));
            try (PayaraProcess payara = PayaraProcess.start(payaraJar, war, Machine.freePort(), env, work.resolve("payara.log"))) {
                payara.awaitReady(Duration.ofMinutes(30)); // a machine at load 50 took 15 minutes
                // HTTP/1.1 as browsers speak it over plain HTTP (none upgrade to h2c). Java's client would try h2c,
                // and ten 8 MB pieces at once on one HTTP/2 connection overflow its flow-control window: a client
                // "protocol error" that says nothing about the portal.
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                String base = payara.baseUrl();
                String token = token(http, base);

                // Warm the upload path once with a small file, so the baseline is the warm server.
                upload(http, base, token, mp4(work, "warm", 5, 64L * 1024 * 1024), "warm.mp4");
                long before = Machine.residentKb(payara.pid());
                AtomicLong peak = new AtomicLong(before);
                AtomicBoolean sampling = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> sample(payara.pid(), peak, sampling), "rss-sampler");
                sampler.start();
                ExecutorService clients = Executors.newFixedThreadPool(uploads);
                long t0 = System.nanoTime();
                try {
                    List<Future<String>> done = new ArrayList<>();
                    for (int i = 0; i < uploads; i++) {
                        int n = i;
                        done.add(clients.submit(() -> upload(http, base, token, source, "lesson" + n + ".mp4")));
                    }
                    for (Future<String> f : done) {
                        f.get(2, TimeUnit.HOURS);
                    }
                } finally {
                    clients.shutdownNow();
                    sampling.set(false);
                    sampler.join();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double rate = uploads * each / 1e6 / seconds;
                double growth = (peak.get() - before) / 1024.0;
                System.out.printf("uploads: %d concurrent %d GiB in 8 MB pieces: %.1f s, %.0f MB/s together = %.2f x dd"
                                + " (target >= 0.7); Payara resident %d MB before, peak %d MB, growth %.0f MiB (target < 64);"
                                + " load %s%n", uploads, each / GIB, seconds, rate, rate / ddRate, before / 1024,
                        peak.get() / 1024, growth, Machine.load());
                // The stored copies are not needed for the video: room on the disk.
                Files.delete(source);
                Machine.deleteTree(work.resolve("files").resolve("files"));

                Path lesson = mp4(work, "lesson", 30 * 60, videoSize);
                long v0 = System.nanoTime();
                String file = upload(http, base, token, lesson, "一堂禁毒课.mp4");
                double uploaded = (System.nanoTime() - v0) / 1e9;
                String shown = attachToEntry(http, base, token, file);
                double all = (System.nanoTime() - v0) / 1e9;
                System.out.printf("video: %d GiB MP4 (30 min) uploaded, checked and stored in %.1f s (%.0f MB/s), on the"
                                + " entry after %.1f s: %s; load %s%n", videoSize / GIB, uploaded, videoSize / 1e6 / uploaded,
                        all, shown, Machine.load());
                System.out.printf("%nRESULT uploads %.0f MB/s vs dd %.0f MB/s = %.2f (>= 0.7), RSS growth %.0f MiB (< 64);"
                        + " 4 GiB video end to end %.1f s; load %s%n", rate, ddRate, rate / ddRate, growth, all, Machine.load());
            }
        }
    }

    /** A real MP4 of {@code seconds} made by ffmpeg, grown to {@code size} bytes by a trailing 64-bit {@code free} box. */
    private static Path mp4(Path work, String name, int seconds, long size) throws Exception {
        Path clip = work.resolve(name + "-clip.mp4");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc=size=160x120:rate=1:duration=" + seconds, "-c:v", "libx264", "-pix_fmt", "yuv420p", clip.toString())
                .inheritIO().start();
        if (ffmpeg.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed (apt-get install ffmpeg)");
        }
        Path file = work.resolve(name + ".mp4");
        Files.move(clip, file);
        long box = size - Files.size(file);
        if (box < 16) {
            throw new IllegalArgumentException("the clip is already larger than " + size);
        }
        byte[] block = new byte[1 << 20];
        new Random(42).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            ByteBuffer header = ByteBuffer.allocate(16).putInt(1).put("free".getBytes()).putLong(box);
            out.write(header.array());
            for (long left = box - 16; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    /** MB/s of {@code writers} concurrent dd of {@code each} bytes with fsync, all started at once. */
    private static double dd(Path work, int writers, long each) throws Exception {
        List<Process> dds = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < writers; i++) {
            dds.add(new ProcessBuilder("dd", "if=/dev/zero", "of=" + work.resolve("dd-" + i), "bs=4M",
                    "count=" + each / (4 * 1024 * 1024), "conv=fsync").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process dd : dds) {
            if (dd.waitFor() != 0) {
                throw new IllegalStateException("dd failed");
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < writers; i++) {
            Files.delete(work.resolve("dd-" + i));
        }
        return writers * each / 1e6 / seconds;
    }

    /** Uploads a file in 8 MB pieces; returns the stored file's id. */
    private static String upload(HttpClient http, String base, String token, Path file, String name) throws Exception {
        long length = Files.size(file);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fileName\":\"" + name + "\",\"length\":" + length + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String id = field(created.body(), "\"id\":\"([0-9a-f]+)\"", created);
        byte[] piece = new byte[PIECE];
        String last = null;
        try (FileChannel channel = FileChannel.open(file)) {
            for (long offset = 0; offset < length; offset += PIECE) {
                int n = (int) Math.min(PIECE, length - offset);
                ByteBuffer buffer = ByteBuffer.wrap(piece, 0, n);
                while (buffer.hasRemaining()) {
                    channel.read(buffer, offset + buffer.position());
                }
                HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads/" + id))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/offset+octet-stream")
                        .header("Upload-Offset", String.valueOf(offset)).timeout(Duration.ofMinutes(10))
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(piece, 0, n)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (sent.statusCode() != 200) {
                    throw new IllegalStateException("piece at " + offset + " of " + name + ": HTTP " + sent.statusCode() + " " + sent.body());
                }
                last = sent.body();
            }
        }
        return field(last, "\"file\":\\{[^}]*?\"id\":(\\d+)", null);
    }

    /** A draft in the video collection with the file as its video; returns what the entry then says of its files. */
    private static String attachToEntry(HttpClient http, String base, String token, String fileId) throws Exception {
        HttpResponse<String> contest = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/contests/HYKT2021")).build(),
                HttpResponse.BodyHandlers.ofString());
        String category = field(contest.body(), "\"categories\":\\[\\{[^}]*?\"id\":(\\d+)", contest);
        HttpResponse<String> draft = send(http, base + "/api/v1/entries", token, "{\"contest\":\"HYKT2021\",\"type\":\"VIDEO\","
                + "\"categoryId\":" + category + ",\"title\":\"一堂禁毒课\",\"originalityDeclared\":true,\"displayConsent\":true}");
        String entry = field(draft.body(), "^\\{.*?\"id\":(\\d+)", draft);
        HttpResponse<String> attached = send(http, base + "/api/v1/entries/" + entry + "/files", token,
                "{\"fileId\":" + fileId + ",\"role\":\"VIDEO\"}");
        if (attached.statusCode() != 200) {
            throw new IllegalStateException("attaching the video: HTTP " + attached.statusCode() + " " + attached.body());
        }
        HttpResponse<String> shown = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/entries/" + entry))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        Matcher file = Pattern.compile("\\{[^{}]*\"id\":" + fileId + "[^{}]*}").matcher(shown.body());
        if (shown.statusCode() != 200 || !file.find()) {
            throw new IllegalStateException("the entry does not list the video: " + shown.body());
        }
        return file.group();
    }

    private static HttpResponse<String> send(HttpClient http, String url, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpClient http, String base) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"citizen\",\"password\":\"Laurel2026\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return field(reply.body(), "\"token\":\"([^\"]+)\"", reply);
    }

    private static String field(String body, String regex, HttpResponse<?> reply) {
        Matcher m = Pattern.compile(regex).matcher(body == null ? "" : body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer" + (reply == null ? "" : " (HTTP " + reply.statusCode() + ")")
                    + ": " + body);
        }
        return m.group(1);
    }

    private static void sample(long pid, AtomicLong peak, AtomicBoolean sampling) {
        while (sampling.get()) {
            try {
                peak.accumulateAndGet(Machine.residentKb(pid), Math::max);
                Thread.sleep(200);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }
}
