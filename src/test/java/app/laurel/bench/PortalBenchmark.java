package app.laurel.bench;

import app.laurel.devserver.PayaraProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Measures the foundation on this machine: time from launch to ready, resident memory once warm, and the
 * latency of the requests every visitor makes (home page, contest list) and of a login (PBKDF2 on purpose
 * costly). Prints medians and 95th percentiles of timed runs after a warm-up.
 */
public final class PortalBenchmark {

    private static final int WARMUP = 50;
    private static final int RUNS = 300;
    private static final int LOGINS = 40;
    private static final int STARTS = 3;

    private PortalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payaraJar = Path.of(args[1]);
        Path work = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(work);
        System.out.println(BenchServer.machine());
        RankingBenchmark.run();
        CertificateBenchmark.run();

        try (BenchServer portal = BenchServer.database(war, payaraJar, work)) {
            List<Double> startSeconds = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                long t0 = System.nanoTime();
                portal.restart();
                startSeconds.add((System.nanoTime() - t0) / 1e9);
            }
            PayaraProcess server = portal.payara();
            report("start to ready (s)", startSeconds, 1);
            HttpClient http = HttpClient.newHttpClient();
            String base = server.baseUrl();
            report("GET / home page (ms)", time(WARMUP, RUNS, () -> get(http, base + "/")), 1e-6);
            report("GET /contest.xhtml (ms)", time(WARMUP, RUNS, () -> get(http, base + "/contest.xhtml?code=HY2021")), 1e-6);
            report("GET /api/v1/contests (ms)", time(WARMUP, RUNS, () -> get(http, base + "/api/v1/contests")), 1e-6);
            report("POST /api/v1/tokens, PBKDF2 210k (ms)", time(5, LOGINS, () -> login(http, base)), 1e-6);
            System.out.printf("Payara resident memory after the runs: %d MB%n", BenchServer.residentMegabytes(server));
            uploads(http, base, server, work);
        }
    }

    /**
     * Streams a 512 MB video through the resumable upload API in 8 MB pieces, three times, and watches Payara's
     * resident memory: it must not grow with the file, since uploads go to disk piece by piece.
     */
    private static void uploads(HttpClient http, String base, PayaraProcess server, Path work) throws Exception {
        Path video = bigVideo(work, 512L * 1024 * 1024);
        long length = Files.size(video);
        String token = token(http, base);
        List<Double> seconds = new ArrayList<>();
        long before = BenchServer.residentMegabytes(server);
        long peak = before;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            String id = beginUpload(http, base, token, length);
            long piece = 8L * 1024 * 1024;
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(video)) {
                for (long offset = 0; offset < length; offset += piece) {
                    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(piece, length - offset));
                    channel.read(buffer, offset);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads/" + id))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/offset+octet-stream")
                            .header("Upload-Offset", String.valueOf(offset))
                            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(buffer.array())).build();
                    check(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
                    peak = Math.max(peak, BenchServer.residentMegabytes(server));
                }
            }
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        report("upload 512 MB in 8 MB pieces (s)", seconds, 1);
        System.out.printf("throughput at the median: %.0f MB/s; Payara resident memory %d MB before, %d MB at most during%n",
                512 / median(seconds), before, peak);
    }

    private static Path bigVideo(Path work, long size) throws Exception {
        Path head = work.resolve("head.mp4");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc=size=160x120:rate=1:duration=5", "-c:v", "libx264", "-pix_fmt", "yuv420p", head.toString())
                .inheritIO().start();
        if (ffmpeg.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed");
        }
        // A real MP4 head (so Tika types it from its bytes) padded with random data to the size wanted.
        Path big = work.resolve("big.mp4");
        Files.copy(head, big, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        java.util.Random random = new java.util.Random(42);
        byte[] block = new byte[1024 * 1024];
        try (java.io.OutputStream out = Files.newOutputStream(big, java.nio.file.StandardOpenOption.APPEND)) {
            for (long written = Files.size(head); written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return big;
    }

    private static String token(HttpClient http, String base) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"citizen\",\"password\":\"Laurel2026\"}")).build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static String beginUpload(HttpClient http, String base, String token, long length) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fileName\":\"big.mp4\",\"length\":" + length + "}")).build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"id\":\"([0-9a-f]+)\".*", "$1");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    private static List<Double> time(int warmup, int runs, Callable<Integer> request) throws Exception {
        for (int i = 0; i < warmup; i++) {
            check(request.call());
        }
        List<Double> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            check(request.call());
            nanos.add((double) (System.nanoTime() - t0));
        }
        return nanos;
    }

    private static int get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static int login(HttpClient http, String base) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"judge1\",\"password\":\"Laurel2026\"}")).build();
        int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        return status == 201 ? 200 : status;
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("unexpected HTTP status " + status);
        }
    }

    private static void report(String what, List<Double> values, double scale) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = median(sorted);
        double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        System.out.printf("%-42s median %8.2f   p95 %8.2f   (n=%d)%n", what, median * scale, p95 * scale, sorted.size());
    }
}
