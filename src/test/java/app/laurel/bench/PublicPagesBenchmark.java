package app.laurel.bench;

import app.laurel.devserver.PayaraProcess;
import app.laurel.it.PublicContentSeed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public pages under a crowd (issue 15): each page and its JSON is loaded by wrk with 64 connections, several
 * runs after a warm-up, next to Payara's own static file (the layout's CSS) measured in the same run as the
 * reference; the target is 0.3 × the static file's requests/s with p99 under 100 ms, and a heap that does not
 * grow (used heap after a full GC, before and after all the runs). The content is what a finished contest shows:
 * a notice with its top ten and a correction, a column of {@code stories} stories, issued certificates.
 * <p>
 * Arguments: WAR, Payara Micro jar, work directory, then optionally stories (100), seconds per run (15), runs (3).
 * With {@code -Dlaurel.bench.jfr=FILE} a JFR recording covers the measured runs (for where the time goes); with
 * {@code -Dlaurel.bench.before=OLD.war} that WAR is measured first on the same data, then Payara restarts with WAR.
 */
public final class PublicPagesBenchmark {

    private static final int CONNECTIONS = 64;
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: (.*)");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private PublicPagesBenchmark() {
    }

    /** One wrk run: requests/s, 99th percentile, and failures (timeouts after 10 s, errors, non-2xx/3xx answers). */
    record Run(double rate, double p99Millis, long failures) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: PublicPagesBenchmark WAR PAYARA_JAR WORK_DIR [stories] [seconds] [runs]");
        }
        int stories = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        int runs = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        if (seconds < 3 || seconds > 600 || runs < 1 || runs > 20) {
            throw new IllegalArgumentException("seconds per run must be 3–600 and runs 1–20, not " + seconds + " and " + runs);
        }
        System.out.println(BenchServer.machine());
        Path war = Path.of(args[0]);
        String before = System.getProperty("laurel.bench.before", "");
        List<Path> wars = before.isBlank() ? List.of(war) : List.of(Path.of(before), war);
        try (BenchServer portal = BenchServer.database(wars.get(0), Path.of(args[1]), Path.of(args[2]).toAbsolutePath())) {
            PayaraProcess server = portal.restart();
            PublicContentSeed.Published content = PublicContentSeed.seed(server.baseUrl(), stories);
            System.out.printf("seeded contest %s: notice /n/%s, %d column stories, %d certificates%n", content.contest(),
                    content.notice(), stories, content.serials().size());
            for (int i = 0; i < wars.size(); i++) {
                if (i > 0) {
                    server = portal.restart(wars.get(i));
                }
                System.out.printf("%n=== %s%n", wars.get(i));
                measure(server, pages(content), seconds, runs, i);
            }
        }
    }

    private static Map<String, String> pages(PublicContentSeed.Published content) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("static CSS (reference)", "/resources/css/laurel.css");
        pages.put("home /", "/");
        pages.put("contest page", "/contest.xhtml?code=" + content.contest());
        pages.put("notice /n/{code}", "/n/" + content.notice());
        pages.put("notice JSON", "/api/v1/notices/public/" + content.notice());
        pages.put("column list", "/column/" + content.contest());
        pages.put("column JSON", "/api/v1/column/" + content.contest());
        pages.put("column story", "/column/" + content.contest() + "/" + content.story());
        pages.put("column story JSON", "/api/v1/column/" + content.contest() + "/items/" + content.story());
        pages.put("verify /verify/{serial}", "/verify/" + content.serials().get(0));
        pages.put("verify JSON", "/api/v1/certificates/verify/" + content.serials().get(0));
        return pages;
    }

    private static void measure(PayaraProcess server, Map<String, String> pages, int seconds, int runs, int index) throws Exception {
        String base = server.baseUrl();
        sessions(base, pages);
        for (String path : pages.values()) {
            wrk(base + path, 5); // warm-up: JIT, caches, Faces' view cache
        }
        long heapBefore = heapUsedAfterGc(server);
        String jfr = System.getProperty("laurel.bench.jfr", "").isBlank() ? null
                : System.getProperty("laurel.bench.jfr").replaceFirst("(\\.jfr)?$", "-" + index + ".jfr");
        if (jfr != null) {
            jcmd(server, "JFR.start", "name=public", "filename=" + Path.of(jfr).toAbsolutePath(), "settings=profile");
        }
        Map<String, List<Run>> results = new LinkedHashMap<>();
        pages.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        // Runs interleaved, so that the reference and the pages see the same load of the machine.
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                results.get(page.getKey()).add(wrk(base + page.getValue(), seconds));
            }
        }
        if (jfr != null) {
            jcmd(server, "JFR.stop", "name=public");
            System.out.println("JFR recording: " + jfr);
        }
        long heapAfter = heapUsedAfterGc(server);
        report(results, runs, seconds);
        System.out.printf("heap used after a full GC: %d MB before the runs, %d MB after; resident %d MB%n",
                heapBefore / 1024, heapAfter / 1024, BenchServer.residentMegabytes(server));
        System.out.println("load average: " + uptime());
    }

    /** An anonymous visit to each page must not open a session: a cookie per visitor is a heap per crowd. */
    private static void sessions(String base, Map<String, String> pages) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + page.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf("%-26s HTTP %d, %6d bytes, Set-Cookie: %s, Cache-Control: %s, ETag: %s%n", page.getKey(),
                    response.statusCode(), response.body().getBytes(StandardCharsets.UTF_8).length,
                    response.headers().firstValue("Set-Cookie").map(c -> c.replaceAll("=.*", "=…")).orElse("none"),
                    response.headers().firstValue("Cache-Control").orElse("none"), response.headers().firstValue("ETag").orElse("none"));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(page.getValue() + " answered " + response.statusCode());
            }
        }
    }

    static Run wrk(String url, int seconds) throws IOException, InterruptedException {
        String out = run(List.of("/usr/bin/wrk", "-c" + CONNECTIONS, "-t2", "-d" + seconds + "s", "--timeout", "10s", "--latency", url));
        long failures = 0;
        Matcher errors = ERRORS.matcher(out);
        while (errors.find()) {
            failures += errors.group(1) != null ? Long.parseLong(errors.group(1))
                    : java.util.Arrays.stream(errors.group(2).split(",")).mapToLong(e -> Long.parseLong(e.replaceAll("\\D", ""))).sum();
        }
        Matcher rate = RATE.matcher(out);
        Matcher p99 = P99.matcher(out);
        if (!rate.find() || !p99.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        double value = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
        return new Run(Double.parseDouble(rate.group(1)), millis, failures);
    }

    private static void report(Map<String, List<Run>> results, int runs, int seconds) {
        double reference = median(results.values().iterator().next().stream().map(Run::rate).toList());
        System.out.printf("%nwrk -c%d -t2 -d%ds --latency, %d runs each (median [min–max]); reference: the static CSS of the same run%n",
                CONNECTIONS, seconds, runs);
        System.out.printf("%-26s %24s %26s %7s %8s %s%n", "what", "req/s", "p99 ms", "ratio", "failures", "target");
        for (Map.Entry<String, List<Run>> page : results.entrySet()) {
            List<Double> rates = page.getValue().stream().map(Run::rate).toList();
            List<Double> p99s = page.getValue().stream().map(Run::p99Millis).toList();
            double ratio = median(rates) / reference;
            long failures = page.getValue().stream().mapToLong(Run::failures).sum();
            System.out.printf("%-26s %8.0f [%6.0f–%6.0f] %8.1f [%6.1f–%7.1f] %7.3f %8d %s%n", page.getKey(), median(rates),
                    Collections.min(rates), Collections.max(rates), median(p99s), Collections.min(p99s), Collections.max(p99s), ratio,
                    failures, ratio >= 0.3 && median(p99s) < 100 && failures == 0 ? "met" : "missed");
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Kilobytes of heap in use right after a full collection. */
    private static long heapUsedAfterGc(PayaraProcess server) throws IOException, InterruptedException {
        jcmd(server, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(server, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd");
        }
        return Long.parseLong(used.group(1));
    }

    static String jcmd(PayaraProcess server, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(server.pid())));
        line.addAll(List.of(command));
        return run(line);
    }

    static String uptime() throws IOException, InterruptedException {
        return run(List.of("uptime")).replaceAll(".*load average: ", "").strip();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
