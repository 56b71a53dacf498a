package app.laurel.bench;

import app.laurel.devserver.EmbeddedDatabase;
import app.laurel.devserver.LocalCluster;
import app.laurel.devserver.NginxProcess;
import app.laurel.devserver.PayaraProcess;
import app.laurel.it.PublicContentSeed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Issue 16's figure: one node against two nodes of one cluster, on this machine, in the same run, on one database
 * and one set of data. Both set-ups have nginx in front with the same configuration (one upstream server, or two),
 * so the proxy's cost is in both and the ratio is what the second node changes: one node runs as production runs a
 * single node ({@code --nocluster}); two nodes are one Hazelcast cluster as {@code mvn -Pcluster package} starts them
 * ({@link LocalCluster}). On one machine both nodes share the same cores, so the ratio shows the cost of clustering,
 * not how a province scales.
 * <p>
 * For each set-up, one after the other: {@code wrk -c64} on the public notice {@code /n/{code}} and on its JSON
 * (a warm-up, then the runs interleaved), then the deadline surge of {@link DeadlineSurge} (300 citizens, a 5 MB
 * picture each, spread over the last minute) run after run. The data are those of the public pages' benchmark,
 * seeded once through the first set-up; the surges add a contest of their own each. The database, the nodes, nginx
 * and every file made are stopped and deleted at the end, also when a step fails.
 * <p>
 * Arguments: WAR, Payara Micro jar, work directory. Properties: {@code cluster.seconds} (15 s a wrk run),
 * {@code cluster.runs} (3 wrk runs a page), {@code cluster.stories} (100), {@code cluster.surges} (3 surges a set-up),
 * {@code surge.citizens} (300), {@code surge.megabytes} (5), {@code surge.spread} (true; false: all at once).
 */
public final class ClusterBenchmark {

    private static final int SECONDS = Integer.getInteger("cluster.seconds", 15);
    private static final int RUNS = Integer.getInteger("cluster.runs", 3);
    private static final int STORIES = Integer.getInteger("cluster.stories", 100);
    private static final int SURGES = Integer.getInteger("cluster.surges", 3);
    private static final int CITIZENS = Integer.getInteger("surge.citizens", 300);
    private static final int MEGABYTES = Integer.getInteger("surge.megabytes", 5);
    private static final boolean SPREAD = Boolean.parseBoolean(System.getProperty("surge.spread", "true"));
    private static final Duration READY = Duration.ofMinutes(20);
    private static final int WARM_UP_SECONDS = Integer.getInteger("cluster.warmUp", 15);

    private ClusterBenchmark() {
    }

    /** What one set-up measured, with the load average during its wrk runs. */
    private record Figures(String name, List<PublicPagesBenchmark.Run> notice, List<PublicPagesBenchmark.Run> json, String wrkLoad,
                           List<DeadlineSurge.Result> surges) {
    }

    /** The portal as the surge sees it: nginx's address, the one database, the files every node shares. */
    private record Shared(String baseUrl, String jdbcUrl, Path storageDir) implements DeadlineSurge.Portal {
        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, "laurel", "laurel");
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ClusterBenchmark <war> <payara-micro.jar> <work dir>");
        }
        if (SECONDS < 3 || SECONDS > 600 || RUNS < 1 || RUNS > 20 || STORIES < 12 || STORIES > 2_000) {
            throw new IllegalArgumentException("cluster.seconds must be 3–600, cluster.runs 1–20 and cluster.stories 12–2000, not "
                    + SECONDS + ", " + RUNS + " and " + STORIES);
        }
        DeadlineSurgeBenchmark.checkScenario(CITIZENS, MEGABYTES, SURGES);
        Path war = Path.of(args[0]).toAbsolutePath();
        Path payaraJar = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath().resolve("cluster-" + System.nanoTime());
        Files.createDirectories(work);
        System.out.println(BenchServer.machine() + "; load average at start: " + Machine.load());
        EmbeddedDatabase db = null;
        try {
            db = EmbeddedDatabase.start(work.resolve("db"), work.resolve("mariadb"), Machine.freePort(), "1G");
            Shared portal = new Shared(null, db.jdbcUrl(), work.resolve("files"));
            Map<String, String> env = new HashMap<>(Map.of("DB_URL", db.jdbcUrl(), "DB_USER", "laurel", "DB_PASSWORD", "laurel",
                    "LAUREL_STORAGE_DIR", portal.storageDir().toString(), "LAUREL_DEMO_ENABLED", "true"));
            DeadlineSurge surge = DeadlineSurge.prepare(Files.createDirectories(work.resolve("pictures")), CITIZENS, MEGABYTES);

            Figures one;
            PublicContentSeed.Published content;
            int proxyOne = Machine.freePort();
            env.put("LAUREL_PUBLIC_URL", "http://localhost:" + proxyOne);
            System.out.printf("%n===== 1 node (--nocluster) behind nginx%n");
            try (PayaraProcess node = PayaraProcess.start(payaraJar, war, Machine.freePort(), env, work.resolve("one/node.log"))) {
                node.awaitReady(READY);
                try (NginxProcess nginx = NginxProcess.start(work.resolve("one/nginx"), proxyOne, List.of(node.port()))) {
                    nginx.awaitListening(Duration.ofSeconds(30));
                    content = PublicContentSeed.seed(nginx.baseUrl(), STORIES);
                    System.out.printf("seeded contest %s: notice /n/%s, %d column stories%n", content.contest(), content.notice(), STORIES);
                    one = measure("1 node", nginx.baseUrl(), content, surge, portal);
                }
            }

            int proxyTwo = Machine.freePort();
            env.put("LAUREL_PUBLIC_URL", "http://localhost:" + proxyTwo);
            System.out.printf("%n===== 2 nodes of one cluster behind nginx%n");
            Figures two;
            LocalCluster.Settings settings = new LocalCluster.Settings(payaraJar, war, work.resolve("two"),
                    "laurel-bench-" + ProcessHandle.current().pid(), proxyTwo, List.of(Machine.freePort(), Machine.freePort()),
                    List.of(Machine.freePort(), Machine.freePort()), env, READY);
            try (LocalCluster cluster = LocalCluster.start(settings, started -> { })) {
                two = measure("2 nodes", cluster.url(), content, surge, portal);
            }
            report(one, two);
        } finally {
            if (db != null) {
                db.close();
            }
            Machine.deleteTree(work);
        }
    }

    private static Figures measure(String name, String base, PublicContentSeed.Published content, DeadlineSurge surge,
                                   Shared portal) throws Exception {
        String notice = base + "/n/" + content.notice();
        String json = base + "/api/v1/notices/public/" + content.notice();
        // Warm-up: a node fresh from its boot answered the notice at 450 req/s in its first seconds (JIT, the page
        // cache); the public pages' benchmark warms up for a minute. With two nodes each sees half of it.
        for (int i = 0; i < 2; i++) {
            PublicPagesBenchmark.wrk(notice, WARM_UP_SECONDS);
            PublicPagesBenchmark.wrk(json, WARM_UP_SECONDS);
        }
        List<PublicPagesBenchmark.Run> notices = new ArrayList<>();
        List<PublicPagesBenchmark.Run> jsons = new ArrayList<>();
        String loadBefore = Machine.load().split(" ")[0];
        for (int run = 0; run < RUNS; run++) {
            notices.add(PublicPagesBenchmark.wrk(notice, SECONDS));
            jsons.add(PublicPagesBenchmark.wrk(json, SECONDS));
        }
        String wrkLoad = loadBefore + " → " + Machine.load().split(" ")[0];
        System.out.printf("%s: /n/{code} %s req/s, JSON %s req/s; load average %s%n", name,
                rates(notices), rates(jsons), wrkLoad);
        List<DeadlineSurge.Result> surges = new ArrayList<>();
        Shared here = new Shared(base, portal.jdbcUrl(), portal.storageDir());
        for (int run = 0; run < SURGES; run++) {
            System.out.printf("%n--- %s, surge %d of %d%n", name, run + 1, SURGES);
            surges.add(surge.run(here, SPREAD));
        }
        return new Figures(name, notices, jsons, wrkLoad, surges);
    }

    private static String rates(List<PublicPagesBenchmark.Run> runs) {
        return runs.stream().map(r -> String.format("%.0f", r.rate())).toList().toString();
    }

    private static void report(Figures one, Figures two) {
        System.out.printf("%n===== 1 node against 2 nodes behind nginx, same machine, same run (median [min–max] of the runs)%n");
        System.out.printf("wrk -c64 -t2 -d%ds, %d runs a page; surge: %d citizens, %d MB each, %s, %d runs%n", SECONDS, RUNS,
                CITIZENS, MEGABYTES, SPREAD ? "spread over the last minute" : "all at once", SURGES);
        System.out.printf("%-40s %26s %26s %7s%n", "what", "1 node", "2 nodes", "2 / 1");
        row("/n/{code} req/s", one.notice(), two.notice(), PublicPagesBenchmark.Run::rate, "%.0f");
        row("/n/{code} p99 ms", one.notice(), two.notice(), PublicPagesBenchmark.Run::p99Millis, "%.1f");
        row("notice JSON req/s", one.json(), two.json(), PublicPagesBenchmark.Run::rate, "%.0f");
        row("notice JSON p99 ms", one.json(), two.json(), PublicPagesBenchmark.Run::p99Millis, "%.1f");
        row("surge: submit p50 ms", one.surges(), two.surges(), r -> r.submit(0.50), "%.0f");
        row("surge: submit p99 ms", one.surges(), two.surges(), r -> r.submit(0.99), "%.0f");
        row("surge: upload+attach+submit p50 ms", one.surges(), two.surges(), r -> r.whole(0.50), "%.0f");
        row("surge: upload+attach+submit p99 ms", one.surges(), two.surges(), r -> r.whole(0.99), "%.0f");
        System.out.printf("%-40s %26s %26s%n", "surge: errors per run", errors(one), errors(two));
        System.out.printf("%-40s %26s %26s%n", "surge: database exact (entries, files)", intact(one), intact(two));
        System.out.printf("%-40s %26s %26s%n", "load average during wrk", one.wrkLoad(), two.wrkLoad());
        System.out.printf("%-40s %26s %26s%n", "load average as each surge began", loads(one), loads(two));
        System.out.println("On one machine the two nodes share the cores of the one: the ratio is the cost of clustering, not scale.");
    }

    private static <T> void row(String what, List<T> one, List<T> two, ToDoubleFunction<T> value, String format) {
        List<Double> a = one.stream().map(value::applyAsDouble).toList();
        List<Double> b = two.stream().map(value::applyAsDouble).toList();
        System.out.printf("%-40s %26s %26s %7.2f%n", what, spread(a, format), spread(b, format),
                PublicPagesBenchmark.median(b) / PublicPagesBenchmark.median(a));
    }

    private static String spread(List<Double> values, String format) {
        return String.format(format + " [" + format + "–" + format + "]", PublicPagesBenchmark.median(values),
                Collections.min(values), Collections.max(values));
    }

    private static String errors(Figures figures) {
        return Arrays.toString(figures.surges().stream().mapToInt(DeadlineSurge.Result::errors).toArray());
    }

    private static String intact(Figures figures) {
        return figures.surges().stream().allMatch(DeadlineSurge.Result::intact) ? "yes, every run" : "NO";
    }

    private static String loads(Figures figures) {
        return figures.surges().stream().map(r -> r.load().split(" ")[0]).toList().toString();
    }
}
