package app.laurel.bench;

import app.laurel.devserver.EmbeddedDatabase;
import app.laurel.devserver.PayaraProcess;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 15's mail target: 10,000 notifications delivered to a local SMTP server in under 60 s, none twice. Starts an
 * embedded MariaDB, Payara Micro with the built WAR and a GreenMail SMTP server in this JVM; each run queues 10,000
 * outbox rows straight in the database (one INSERT batch, as a notice to 10,000 entrants leaves them) and times
 * until GreenMail holds all 10,000, then counts the mails per Message-ID. The portal's dispatcher runs every 5 s
 * (its default), so a run includes up to 5 s before the first tick. Three runs; median and spread; everything it
 * started is stopped and its files deleted.
 * <p>
 * {@code mvn -Pbench package -DskipTests org.codehaus.mojo:exec-maven-plugin:exec@bench-mail}
 * (arguments: WAR, Payara Micro jar, work directory, messages [10000], runs [3]).
 */
public final class MailBenchmark {

    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private MailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payaraJar = Path.of(args[1]);
        Path work = Path.of(args[2]).toAbsolutePath().resolve("mail-" + System.nanoTime());
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        if (count < 1 || count > 200_000 || runs < 1 || runs > 10) {
            throw new IllegalArgumentException("messages must be 1..200,000 and runs 1..10, not " + count + " and " + runs);
        }
        Files.createDirectories(work);
        GreenMail smtp = new GreenMail(new ServerSetup(Machine.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("db"), work.resolve("mariadb"))) {
            Map<String, String> env = Map.of("DB_URL", db.jdbcUrl(), "DB_USER", "laurel", "DB_PASSWORD", "laurel",
                    "LAUREL_STORAGE_DIR", work.resolve("files").toString(), "LAUREL_DEMO_ENABLED", "false",
                    "LAUREL_MAIL_HOST", "127.0.0.1", "LAUREL_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()),
                    "LAUREL_MAIL_FROM", "laurel@laurel.test");
            try (PayaraProcess payara = PayaraProcess.start(payaraJar, war, Machine.freePort(), env, work.resolve("payara.log"))) {
                payara.awaitReady(Duration.ofMinutes(30)); // a machine at load 50 took 15 minutes
                List<Double> seconds = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    smtp.purgeEmailFromAllMailboxes();
                    long t0 = System.nanoTime();
                    queue(db.jdbcUrl(), "run" + run, count);
                    double queued = (System.nanoTime() - t0) / 1e9;
                    awaitDelivered(smtp, count);
                    double all = (System.nanoTime() - t0) / 1e9;
                    int twice = twice(smtp);
                    seconds.add(all);
                    System.out.printf("run %d: %,d queued in %.1f s, all delivered after %.1f s (%.0f a second),"
                                    + " Message-IDs seen twice: %d, load %s%n", run, count, queued, all, count / all, twice,
                            Machine.load());
                    if (twice > 0) {
                        throw new IllegalStateException(twice + " messages were delivered more than once");
                    }
                }
                seconds.sort(Double::compare);
                System.out.printf("%nRESULT %,d mails to a local SMTP server: median %.1f s (min %.1f, max %.1f; target < 60 s),"
                                + " none twice; load %s%n", count, seconds.get(seconds.size() / 2), seconds.get(0),
                        seconds.get(seconds.size() - 1), Machine.load());
            }
        } finally {
            smtp.stop();
            Machine.deleteTree(work);
        }
    }

    /**
     * The rows a notice to {@code count} entrants leaves in the outbox, in one batch, to entrant0@bench.example and
     * on; {@code key} marks them (idem_key). Also the cluster test's mail.
     */
    public static void queue(String jdbcUrl, String key, int count) throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection db = DriverManager.getConnection(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                + "rewriteBatchedStatements=true", "laurel", "laurel");
             PreparedStatement insert = db.prepareStatement("insert into outbox_message (channel, addressee, recipient,"
                     + " template, idem_key, subject, body, state, attempts, next_attempt_at, created_at)"
                     + " values ('MAIL', ?, ?, 'notice.published', ?, ?, ?, 'PENDING', 0, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String address = "entrant" + i + "@bench.example";
                insert.setString(1, address);
                insert.setString(2, address);
                insert.setString(3, key);
                insert.setString(4, "公示：衡阳县“讲述身边的禁毒故事”评选结果");
                insert.setString(5, "您好：\n\n衡阳县“讲述身边的禁毒故事”评选结果已公示，公示期内可提出异议。\n\n桂冠征评");
                insert.setObject(6, now);
                insert.setObject(7, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void awaitDelivered(GreenMail smtp, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (smtp.getReceivedMessages().length < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + smtp.getReceivedMessages().length + " of " + count
                        + " mails within " + PATIENCE.toMinutes() + " minutes");
            }
            Thread.sleep(100);
        }
    }

    /** How many Message-IDs arrived more than once. */
    private static int twice(GreenMail smtp) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            seen.merge(mail.getMessageID(), 1, Integer::sum);
        }
        return (int) seen.values().stream().filter(n -> n > 1).count();
    }
}
