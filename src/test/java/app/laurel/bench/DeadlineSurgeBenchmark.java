package app.laurel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deadline surge of issue 15 on one node ({@link DeadlineSurge} says what a surge is): {@code n} citizens (300)
 * each upload a real 5 MB picture, attach it to their draft and submit it in the contest's last minute, first spread
 * over the minute, then all at once, on a fresh portal.
 * <p>
 * Run alone: {@code mvn -o -DskipTests package && mvn -o -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:exec@bench-surge};
 * {@code -Dsurge.citizens}, {@code -Dsurge.megabytes}, {@code -Dsurge.runs} change the scenario.
 */
public final class DeadlineSurgeBenchmark {

    private static final int CITIZENS = Integer.getInteger("surge.citizens", 300);
    private static final int MEGABYTES = Integer.getInteger("surge.megabytes", 5);
    private static final int RUNS = Integer.getInteger("surge.runs", 1);
    private static final long BUFFER_POOL = 1L << 30;

    private DeadlineSurgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: DeadlineSurgeBenchmark <war> <payara-micro.jar> <work dir>");
        }
        checkScenario(CITIZENS, MEGABYTES, RUNS);
        Path work = Path.of(args[2]).toAbsolutePath().resolve("surge-" + System.nanoTime());
        Files.createDirectories(work);
        System.out.printf("machine: %d cores, Java %s; load average at start: %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), DeadlineSurge.loadAverage());
        try (BenchPortal portal = BenchPortal.start(Path.of(args[0]), Path.of(args[1]), work, BUFFER_POOL)) {
            System.out.printf("%d citizens, a %d MB picture each, InnoDB buffer pool %d MB%n", CITIZENS, MEGABYTES, BUFFER_POOL >> 20);
            DeadlineSurge surge = DeadlineSurge.prepare(work, CITIZENS, MEGABYTES);
            Map<String, List<Double>> runs = new HashMap<>();
            for (int run = 0; run < RUNS; run++) {
                for (boolean spread : new boolean[]{true, false}) {
                    DeadlineSurge.Result result = surge.run(portal, spread);
                    runs.computeIfAbsent(spread ? "spread" : "at once", k -> new ArrayList<>()).add(result.submit(0.99));
                }
            }
            if (RUNS > 1) {
                runs.forEach((pattern, p99s) -> System.out.printf("submit p99 over %d runs, %s: median %.0f ms, min %.0f, max %.0f%n",
                        RUNS, pattern, median(p99s), p99s.stream().mapToDouble(d -> d).min().orElse(0),
                        p99s.stream().mapToDouble(d -> d).max().orElse(0)));
            }
        } finally {
            Machine.deleteTree(work);
        }
    }

    /** Refuses a scenario that makes no sense before anything starts. */
    static void checkScenario(int citizens, int megabytes, int runs) {
        if (citizens < 1 || citizens > 2_000) {
            throw new IllegalArgumentException("surge.citizens must be 1 to 2000, not " + citizens);
        }
        if (megabytes < 1 || megabytes > 19) {
            throw new IllegalArgumentException("surge.megabytes must be 1 to 19 (a picture may have at most 20 MB), not " + megabytes);
        }
        if (runs < 1 || runs > 10) {
            throw new IllegalArgumentException("surge.runs must be 1 to 10, not " + runs);
        }
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
