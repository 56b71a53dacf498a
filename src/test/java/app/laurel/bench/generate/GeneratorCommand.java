package app.laurel.bench.generate;

import app.laurel.devserver.LaurelDevServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@link ContestGenerator#main}: named options, a spec checked before anything starts, and the contest written either
 * into a database given by {@code --jdbc-url} or into an embedded MariaDB kept under {@code --data}, which
 * {@code mvn -Prun package -Dlaurel.data=…} (the portal with that data directory) then shows.
 */
public final class GeneratorCommand {

    private static final String USAGE = """
            ContestGenerator: writes a synthetic contest into a Laurel database.
              sizes:  --entries N (200) --units N (20) --judges N (15) --judges-per-entry N (3) --criteria N (4)
                      --categories N (3) --citizen-share 0..1 (0.5) --conflict-share 0..1 (0.01)
                      --judge-unit-share 0..1 (0.1) --min-chars N (800) --max-chars N (2500) --files-per-entry N (0)
              how far: --stage entries|setup|opened|scored (scored)   --seed N (42)   --code CODE (GEN<seed>)
              where:  --jdbc-url URL [--user laurel] [--db-password laurel] [--storage-dir DIR]
                  or  --data DIR [--buffer-pool 2G] [--keep-running]   (embedded MariaDB in DIR/db, files in DIR/files)
              --provincial: the 40,000 entries, 120 units, 300 judges, 9 per entry, 5 criteria of issue 15
            """;
    private static final Set<String> FLAGS = Set.of("provincial", "keep-running", "help");

    private GeneratorCommand() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> options;
        ContestSpec spec;
        try {
            options = parse(args);
            if (options.containsKey("help")) {
                System.out.print(USAGE);
                return;
            }
            spec = spec(options).check();
            if (options.containsKey("jdbc-url") == options.containsKey("data")) {
                throw new IllegalArgumentException("give either --jdbc-url or --data");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.containsKey("jdbc-url")) {
            try (Connection db = DriverManager.getConnection(BenchDatabase.bulk(options.get("jdbc-url")),
                    options.getOrDefault("user", BenchDatabase.USER), options.getOrDefault("db-password", BenchDatabase.PASSWORD))) {
                String storage = options.get("storage-dir");
                System.out.println(ContestGenerator.generate(db, spec, storage == null ? null : Path.of(storage)));
            }
            return;
        }
        Path data = Path.of(options.get("data")).toAbsolutePath();
        LaurelDevServer.keepOutOfTheTempDirectory(data);
        try (BenchDatabase db = BenchDatabase.start(data.resolve("db"), data.resolve("mariadb"),
                options.getOrDefault("buffer-pool", "2G"), false)) {
            try (Connection connection = db.connect()) {
                System.out.println(ContestGenerator.generate(connection, spec, data.resolve("files")));
            }
            if (options.containsKey("keep-running")) {
                System.out.println("MariaDB runs at " + db.portalJdbcUrl() + " (user laurel); Ctrl-C stops it.");
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
        }
    }

    public static ContestSpec spec(Map<String, String> options) {
        ContestSpec spec = options.containsKey("provincial") ? ContestSpec.provincial() : ContestSpec.defaults();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String value = option.getValue();
            spec = switch (option.getKey()) {
                case "entries" -> spec.withEntries(integer(option));
                case "units" -> spec.withUnits(integer(option));
                case "judges" -> spec.withJudges(integer(option));
                case "judges-per-entry" -> spec.withJudgesPerEntry(integer(option));
                case "criteria" -> spec.withCriteria(integer(option));
                case "categories" -> spec.withCategories(integer(option));
                case "citizen-share" -> spec.withCitizenShare(decimal(option));
                case "conflict-share" -> spec.withConflictShare(decimal(option));
                case "judge-unit-share" -> spec.withJudgeUnitShare(decimal(option));
                case "min-chars" -> spec.withChars(integer(option), spec.maxChars());
                case "max-chars" -> spec.withChars(spec.minChars(), integer(option));
                case "files-per-entry" -> spec.withFilesPerEntry(integer(option));
                case "stage" -> spec.withStage(ContestSpec.Stage.parse(value));
                case "seed" -> spec.withSeed(integer(option)).withCode(options.containsKey("code") ? spec.code() : "GEN" + value);
                case "code" -> spec.withCode(value);
                case "provincial", "jdbc-url", "user", "db-password", "storage-dir", "data", "buffer-pool", "keep-running" -> spec;
                default -> throw new IllegalArgumentException("unknown option --" + option.getKey());
            };
        }
        return spec;
    }

    public static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option such as --entries, not " + args[i]);
            }
            String name = args[i].substring(2);
            if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    private static int integer(Map.Entry<String, String> option) {
        try {
            return Integer.parseInt(option.getValue().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option.getKey() + " must be a whole number, not " + option.getValue());
        }
    }

    private static double decimal(Map.Entry<String, String> option) {
        try {
            return Double.parseDouble(option.getValue());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option.getKey() + " must be a number, not " + option.getValue());
        }
    }
}
