package app.laurel.bench;

import app.laurel.bench.generate.BenchDatabase;
import app.laurel.bench.generate.ContestGenerator;
import app.laurel.bench.generate.ContestSpec;
import app.laurel.bench.generate.GeneratedContest;
import app.laurel.bench.generate.GeneratorCommand;
import app.laurel.devserver.LaurelDevServer;
import app.laurel.devserver.PayaraProcess;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Judging at provincial scale through the real portal: three generated contests of 40,000 entries with a round set
 * up (300 judges, 9 per entry, 5 criteria, conflicts of own unit and recorded ones), each round opened once by
 * {@code POST /api/v1/rounds/{id}/open} on Payara Micro over the embedded MariaDB (2 GB buffer pool); then the first
 * round scored in full (1.8 million scores) and its Excel score sheet downloaded three times. Each opening is
 * checked: every entry its judges, no conflicted one, loads within one. Prints medians and min/max with the load
 * average; deletes its database and files. Alone: {@code mvn -Pbench package org.codehaus.mojo:exec-maven-plugin:exec@bench-judging};
 * other sizes: {@code -Dbench.judging.args="--entries 2000 --judges 60 --judges-per-entry 5"} (the generator's options).
 */
public final class JudgingScaleBenchmark {

    private static final int RUNS = 3;

    private JudgingScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payaraJar = Path.of(args[1]);
        Path work = Path.of(args[2]).toAbsolutePath();
        ContestSpec spec;
        try {
            Map<String, String> options = GeneratorCommand.parse(Arrays.copyOfRange(args, 3, args.length));
            spec = GeneratorCommand.spec(options.isEmpty() ? Map.of("provincial", "true") : options)
                    .withStage(ContestSpec.Stage.ROUND_SETUP).check();
        } catch (IllegalArgumentException e) {
            System.err.println("JudgingScaleBenchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(work);
        LaurelDevServer.keepOutOfTheTempDirectory(work);
        Path data = work.resolve("judging-db-" + System.nanoTime());
        // The portal reports itself not ready without its storage directory, which no generated file would create.
        Path files = Files.createDirectories(work.resolve("judging-files-" + System.nanoTime()));
        System.out.printf("machine: %d cores, Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), load());
        try (BenchDatabase db = BenchDatabase.start(data, work.resolve("mariadb"), "2G", true)) {
            List<GeneratedContest> contests = new ArrayList<>();
            List<Double> generating = new ArrayList<>();
            try (Connection connection = db.connect()) {
                for (int run = 1; run <= RUNS; run++) {
                    GeneratedContest contest = ContestGenerator.generate(connection, spec.withCode("JS" + run).withSeed(run), files);
                    contests.add(contest);
                    generating.add(contest.seconds());
                    System.out.println("generated " + contest);
                }
            }
            report("generate a contest up to its round's set-up (s)", generating, load());
            Map<String, String> env = Map.of("DB_URL", db.portalJdbcUrl(), "DB_USER", BenchDatabase.USER,
                    "DB_PASSWORD", BenchDatabase.PASSWORD, "LAUREL_STORAGE_DIR", files.toString(), "LAUREL_DEMO_ENABLED", "false");
            try (PayaraProcess portal = PayaraProcess.start(payaraJar, war, freePort(), env, work.resolve("judging-payara.log"))) {
                portal.awaitReady(Duration.ofMinutes(15));
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
                String token = token(http, portal.baseUrl(), contests.get(0));
                List<Double> opening = new ArrayList<>();
                for (GeneratedContest contest : contests) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/api/v1/rounds/"
                                    + contest.roundId() + "/open")).header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (opened.statusCode() != 200) {
                        throw new IllegalStateException("opening round " + contest.roundId() + ": HTTP " + opened.statusCode()
                                + " " + opened.body().substring(0, Math.min(500, opened.body().length())));
                    }
                    opening.add(seconds);
                    try (Connection connection = db.connect()) {
                        System.out.printf("opened %s in %.2f s: %s; %s%n", contest.code(), seconds,
                                checkAssignment(connection, contest.roundId(), spec), load());
                    }
                }
                report("open a round, " + spec.entries() + " entries x " + spec.judgesPerEntry() + " of " + spec.judges()
                        + " judges, BALANCED with conflicts (s)", opening, load() + "; target < 10 s");
                long scored;
                long t0 = System.nanoTime();
                try (Connection connection = db.connect()) {
                    scored = ContestGenerator.scoreRound(connection, contests.get(0).roundId(), 42);
                }
                System.out.printf("scored %,d scorecards of %s in %.0f s%n", scored, contests.get(0).code(), (System.nanoTime() - t0) / 1e9);
                List<Double> sheet = new ArrayList<>();
                long bytes = 0;
                for (int run = 0; run < RUNS; run++) {
                    long t1 = System.nanoTime();
                    bytes = download(http, portal.baseUrl() + "/api/v1/rounds/" + contests.get(0).roundId() + "/scores.xlsx", token);
                    sheet.add((System.nanoTime() - t1) / 1e9);
                }
                report(String.format("score sheet .xlsx, %,d scores, %,d bytes (s)", scored * spec.criteria(), bytes), sheet,
                        load() + "; target < 30 s");
            }
        } finally {
            BenchDatabase.delete(files);
        }
    }

    /** Every entry exactly its judges, none conflicted (own unit or recorded), loads within one: what opening promises. */
    private static String checkAssignment(Connection db, long roundId, ContestSpec spec) throws Exception {
        try (Statement query = db.createStatement()) {
            long[] perEntry = longs(query, "select min(n), max(n), count(*) from (select count(*) n from scorecard s join round_entry re"
                    + " on re.id = s.round_entry_id where re.round_id = " + roundId + " group by s.round_entry_id) x");
            long[] perJudge = longs(query, "select min(n), max(n), count(*) from (select count(*) n from scorecard s join round_entry re"
                    + " on re.id = s.round_entry_id where re.round_id = " + roundId + " group by s.judge_id) x");
            long[] conflicted = longs(query, "select count(*) from scorecard s join round_entry re on re.id = s.round_entry_id"
                    + " join entry e on e.id = re.entry_id join account a on a.id = s.judge_id left join conflict c"
                    + " on c.round_id = re.round_id and c.entry_id = e.id and c.judge_id = a.id where re.round_id = " + roundId
                    + " and (c.id is not null or a.unit_id = e.unit_id or a.unit_id = e.township_id)");
            if (perEntry[0] != spec.judgesPerEntry() || perEntry[1] != spec.judgesPerEntry() || perEntry[2] != spec.entries()
                    || perJudge[1] - perJudge[0] > 1 || conflicted[0] != 0) {
                throw new IllegalStateException("round " + roundId + " opened wrong: judges per entry " + Arrays.toString(perEntry)
                        + ", loads " + Arrays.toString(perJudge) + ", conflicted " + conflicted[0]);
            }
            return String.format("%,d scorecards, %d per entry, loads %d-%d, none conflicted",
                    perEntry[2] * spec.judgesPerEntry(), spec.judgesPerEntry(), perJudge[0], perJudge[1]);
        }
    }

    private static long[] longs(Statement query, String sql) throws Exception {
        try (ResultSet row = query.executeQuery(sql)) {
            row.next();
            long[] values = new long[row.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getLong(i + 1);
            }
            return values;
        }
    }

    /** Reads the whole body as it comes, as a browser saving the file would; its length. */
    private static long download(HttpClient http, String url, String token) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("score sheet: HTTP " + response.statusCode() + " " + new String(body.readNBytes(500)));
            }
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            byte[] head = body.readNBytes(2);
            if (head.length < 2 || head[0] != 'P' || head[1] != 'K') {
                throw new IllegalStateException("the score sheet is not an .xlsx (ZIP) file");
            }
            total += 2;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
            }
            return total;
        }
    }

    private static String token(HttpClient http, String base, GeneratedContest contest) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + contest.organiser() + "\",\"password\":\"" + contest.password() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("log-in of " + contest.organiser() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static void report(String what, List<Double> values, String load) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("%-70s median %8.2f   min %8.2f   max %8.2f   (n=%d; %s)%n", what, median, sorted.get(0),
                sorted.get(sorted.size() - 1), sorted.size(), load);
    }

    /** The one-minute load average, recorded beside each figure: the machine is shared. */
    private static String load() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "load unknown";
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
