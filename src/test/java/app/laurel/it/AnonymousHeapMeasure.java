package app.laurel.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mvn -Pheap package}: the heap under a crowd of anonymous readers (issue 11, item 2). Starts a portal of its
 * own (embedded MariaDB, Payara with {@code -Xmx512m}), publishes a 公示, a column story and a certificate, then sends
 * 100,000 GETs without cookies at 32 at a time to {@code /n/{code}}, {@code /column/…}, {@code /verify/…} and
 * {@code /contest.xhtml}, and prints the heap in use after a full GC before and after, the HTTP sessions alive in
 * Payara (its class histogram) and how many answers set a cookie. Numbers go to docs/performance.md; nothing is
 * asserted here (AnonymousSessionsIT holds the rule).
 */
public final class AnonymousHeapMeasure {

    private static final Pattern USED = Pattern.compile("garbage-first heap\\s+total (\\d+)K, used (\\d+)K");

    private AnonymousHeapMeasure() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("laurel.war", args[0]);
        System.setProperty("laurel.payara.jar", args[1]);
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        try (TestServer server = TestServer.start(Path.of(args[2]), true)) {
            Api api = new Api(server);
            String organiser = api.token("organiser", "Laurel2026");
            RoundFixture.ContestRef judged = RoundFixture.contest(api, organiser);
            RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, judged, Duration.ofDays(5),
                    "公示里的故事", "第二篇", "第三篇");
            RoundFixture.ContestRef awarded = RoundFixture.contest(api, organiser);
            RoundFixture.acceptedEntry(api, organiser, awarded, "获奖的故事");
            String serial = UnitCertificatesIT.certificateOf(server, api, organiser, awarded.code(), "获奖的故事");
            ColumnFixture.ContestRef column = ColumnFixture.contest(api, organiser);
            String citizen = api.token(api.registerCitizen(ColumnFixture.PASSWORD), ColumnFixture.PASSWORD);
            long story = ColumnFixture.publish(api, organiser, column.code(), ColumnFixture.acceptedStory(api, organiser,
                    citizen, column.code(), column.volunteers(), "专栏里的故事"), true);
            List<String> pages = List.of("/n/" + notice.code(), "/column/" + column.code(),
                    "/column/" + column.code() + "/" + story, "/verify/" + serial, "/contest.xhtml?code=" + judged.code());

            long pid = server.payaraPid();
            crowd(server.baseUrl(), pages, 2_000, concurrency); // warm-up: compiled pages, caches filled
            String before = heap(pid);
            long t0 = System.nanoTime();
            Map<String, Object> figures = crowd(server.baseUrl(), pages, requests, concurrency);
            double seconds = (System.nanoTime() - t0) / 1e9;
            String after = heap(pid);
            System.out.printf("%nAnonymous crowd: %,d GETs, %d at a time, %.0f s (%.0f a second) over %s%n", requests,
                    concurrency, seconds, requests / seconds, pages);
            System.out.println("answers by status: " + figures.get("statuses") + "; answers setting a cookie: "
                    + figures.get("cookies") + "; slowest: " + figures.get("slowestMs") + " ms");
            System.out.println("heap after a full GC, before the crowd: " + before);
            System.out.println("heap after a full GC, after the crowd:  " + after);
            System.out.println("HTTP sessions alive in Payara after the crowd: " + sessions(pid));
        }
    }

    private static Map<String, Object> crowd(String base, List<String> pages, int requests, int concurrency)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger cookies = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicLong slowest = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    int status;
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                URI.create(base + pages.get(i % pages.size()))).timeout(Duration.ofSeconds(60)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        status = response.statusCode();
                        if (response.headers().firstValue("Set-Cookie").isPresent()) {
                            cookies.incrementAndGet();
                        }
                    } catch (Exception e) {
                        status = -1;
                    }
                    slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        return Map.of("statuses", new TreeMap<>(statuses), "cookies", cookies.get(), "slowestMs", slowest.get());
    }

    /** "used X MB of Y MB" after {@code jcmd GC.run}: what the live objects take. */
    private static String heap(long pid) throws Exception {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            return "(no G1 heap figures from jcmd)";
        }
        return String.format("used %d MB of %d MB", Long.parseLong(used.group(2)) / 1024, Long.parseLong(used.group(1)) / 1024);
    }

    /** Instances of Payara's session class in a live-object histogram (which also runs a full GC). */
    private static String sessions(long pid) throws Exception {
        for (String line : jcmd(pid, "GC.class_histogram").split("\n")) {
            if (line.trim().endsWith("org.apache.catalina.session.StandardSession")) {
                return line.trim().split("\\s+")[1];
            }
        }
        return "0";
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(2, TimeUnit.MINUTES);
        return out;
    }
}
