package app.laurel.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 15's start-up figure: the README's run command ({@code mvn -Prun package}, offline: dependencies cached) to
 * the first HTTP 200 of the home page, and the idle memory of the portal's Payara once it is up (resident set, and
 * heap used after a full GC), three times. The first run starts on an empty data directory (it loads the demo);
 * the others on the data it left, as a developer's second start would. Each run is stopped as Ctrl-C stops it (SIGINT
 * to the command's process group); the data directory is deleted at the end.
 * <p>
 * {@code mvn -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:exec@bench-startup}
 * (arguments: the project directory, work directory, runs [3], idle seconds before measuring memory [30]).
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]).toAbsolutePath();
        Path data = Path.of(args[1]).toAbsolutePath().resolve("startup-" + System.nanoTime());
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int idle = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        if (runs < 1 || runs > 10 || idle < 0 || idle > 600) {
            throw new IllegalArgumentException("runs must be 1..10 and idle seconds 0..600, not " + runs + " and " + idle);
        }
        if (!Files.isRegularFile(project.resolve("pom.xml"))) {
            throw new IllegalArgumentException("no pom.xml in " + project);
        }
        List<double[]> figures = new ArrayList<>();
        try {
            for (int run = 1; run <= runs; run++) {
                double[] f = once(project, data, idle);
                figures.add(f);
                System.out.printf("run %d (%s data): first 200 after %.1f s; idle Payara: resident %.0f MB, heap used after GC"
                        + " %.0f MB; load %s%n", run, run == 1 ? "fresh" : "kept", f[0], f[1], f[2], Machine.load());
            }
        } finally {
            Machine.deleteTree(data);
        }
        for (int i = 0; i < 3; i++) {
            int column = i;
            List<Double> values = figures.stream().map(f -> f[column]).sorted().toList();
            System.out.printf("RESULT %-36s median %7.1f (min %.1f, max %.1f, n=%d)%n",
                    List.of("run command to first 200 (s)", "idle resident memory (MB)", "idle heap used after GC (MB)").get(i),
                    values.get(values.size() / 2), values.get(0), values.get(values.size() - 1), values.size());
        }
        System.out.println("load " + Machine.load());
    }

    /** Seconds to the first 200, resident MB and heap used MB of the idle Payara. */
    private static double[] once(Path project, Path data, int idleSeconds) throws Exception {
        int port = Machine.freePort();
        ProcessBuilder builder = new ProcessBuilder("setsid", "mvn", "-o", "-q", "-Prun", "package",
                "-Dlaurel.data=" + data).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(data.getParent().resolve("startup-run.log").toFile());
        Files.createDirectories(data.getParent());
        builder.environment().put("LAUREL_PORT", String.valueOf(port));
        long t0 = System.nanoTime();
        Process command = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (status(http, "http://localhost:" + port + "/") != 200) {
                if (!command.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the portal did not answer 200 (see " + data.getParent().resolve("startup-run.log") + ")");
                }
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long payara = command.toHandle().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("payara-micro")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Payara process under the run command")).pid();
            Thread.sleep(idleSeconds * 1000L);
            String heap = jcmd(payara, "GC.run") + jcmd(payara, "GC.heap_info");
            Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
            double heapMb = used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1;
            return new double[]{seconds, Machine.residentKb(payara) / 1024.0, heapMb};
        } finally {
            stop(command);
        }
    }

    /** As Ctrl-C in the terminal: SIGINT to the whole process group; killed if still there after a minute. */
    private static void stop(Process command) throws Exception {
        new ProcessBuilder("kill", "-INT", "--", "-" + command.pid()).inheritIO().start().waitFor();
        if (!command.waitFor(60, TimeUnit.SECONDS)) {
            command.descendants().forEach(ProcessHandle::destroyForcibly);
            command.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String jcmd(long pid, String what) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), what).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).get(15, TimeUnit.SECONDS).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
