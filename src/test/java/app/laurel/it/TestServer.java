package app.laurel.it;

import app.laurel.devserver.EmbeddedDatabase;
import app.laurel.devserver.PayaraProcess;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The portal under test, started once per test run: MariaDB (embedded, fresh data directory) or the external
 * server of {@code LAUREL_TEST_DB_URL} (with {@code LAUREL_TEST_DB_USER}, {@code LAUREL_TEST_DB_PASSWORD}),
 * then Payara Micro with the built WAR. Its log is {@code target/it-server/payara.log}. The portal sends its mail to
 * a GreenMail SMTP server in the test JVM ({@link #mail()}, behind a relay that {@link #mailDown()} cuts) and its SMS
 * to a stand-in gateway ({@link #sms()}).
 */
public final class TestServer implements AutoCloseable {

    private static final String CLOCK_OFFSET = "clock-offset";

    private final Path work;
    private EmbeddedDatabase embedded;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final int httpPort;
    private final TcpRelay relay;
    private final GreenMail mail;
    private final TcpRelay mailRelay;
    private final SmsGateway sms;
    private boolean mailOpen;
    private PayaraProcess payara;

    private TestServer(Path work, EmbeddedDatabase embedded, String jdbcUrl, String dbUser, String dbPassword, int httpPort) {
        this.work = work;
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.httpPort = httpPort;
        this.relay = relayTo(jdbcUrl);
        try {
            int smtp = freePort();
            this.mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            this.mailRelay = new TcpRelay(freePort(), "127.0.0.1", smtp);
            this.sms = new SmsGateway(freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestServer start() throws Exception {
        return start(Path.of(System.getProperty("laurel.test.work", "target/it-server")), false);
    }

    /**
     * A portal of its own in {@code work}, for a test that would disturb the shared one (killing its database);
     * {@code embeddedOnly} ignores {@code LAUREL_TEST_DB_URL}, since only an embedded database can be killed here.
     */
    static TestServer start(Path directory, boolean embeddedOnly) throws Exception {
        Path work = directory.toAbsolutePath();
        deleteRecursively(work.resolve("db"));
        deleteRecursively(work.resolve("files"));
        Files.deleteIfExists(work.resolve("payara.log"));
        Files.deleteIfExists(work.resolve(CLOCK_OFFSET));
        String external = embeddedOnly ? null : System.getenv("LAUREL_TEST_DB_URL");
        TestServer server;
        if (external != null && !external.isBlank()) {
            server = new TestServer(work, null, external, System.getenv().getOrDefault("LAUREL_TEST_DB_USER", "laurel"),
                    System.getenv().getOrDefault("LAUREL_TEST_DB_PASSWORD", ""), freePort());
        } else {
            EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("db"), work.resolve("mariadb"));
            server = new TestServer(work, db, db.jdbcUrl(), "laurel", "laurel", freePort());
        }
        try {
            server.relay.open();
            server.mail.start();
            server.mailUp();
            server.startPayara();
        } catch (Exception | Error e) {
            server.close(); // a Payara that never got ready must not outlive the test run, nor its database
            throw e;
        }
        return server;
    }

    void startPayara() throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        // The portal reaches the database through the relay, so tests can cut the link.
        env.put("DB_URL", jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + relay.port() + "/"));
        env.put("DB_USER", dbUser);
        env.put("DB_PASSWORD", dbPassword);
        env.put("LAUREL_STORAGE_DIR", storageDir().toString());
        env.put("LAUREL_DEMO_ENABLED", "true");
        // The upload sweep runs every few seconds, so a test that ages its own files sees them go (UploadLimitsIT).
        env.put("LAUREL_UPLOADS_SWEEP_EVERY", "PT3S");
        // The background check of old files looks every few seconds, so DamagedFilesIT does not wait out a minute.
        env.put("LAUREL_FILES_CHECK_EVERY", "PT3S");
        // The deadline reminders look every few seconds, so a test sees them (and sees a second sweep add nothing).
        env.put("LAUREL_NOTIFY_REMINDER_SWEEP_EVERY", "PT3S");
        // Each request logs the SQL statements it sent, so that list costs can be held constant (StatementCountIT).
        env.put("LAUREL_TEST_STATEMENT_COUNTER", "true");
        // Tests move the server's clock forward through this file instead of sleeping out a period (moveClockPast).
        env.put("LAUREL_CLOCK_OFFSET_FILE", work.resolve(CLOCK_OFFSET).toString());
        // Mail and SMS go to the test's own servers; failed deliveries are retried within seconds, not minutes.
        env.put("LAUREL_MAIL_HOST", "127.0.0.1");
        env.put("LAUREL_MAIL_PORT", String.valueOf(mailRelay.port()));
        env.put("LAUREL_MAIL_FROM", "laurel@laurel.test");
        env.put("LAUREL_SMS_URL", sms.url());
        env.put("LAUREL_NOTIFY_DISPATCH_EVERY", "PT1S");
        env.put("LAUREL_NOTIFY_RETRY_FIRST", "PT1S");
        env.put("LAUREL_NOTIFY_RETRY_CAP", "PT2S");
        payara = PayaraProcess.start(Path.of(System.getProperty("laurel.payara.jar")),
                Path.of(System.getProperty("laurel.war")), httpPort, env, work.resolve("payara.log"));
        // A machine shared with other builds can take longer than usual: -Dlaurel.test.readyMinutes=8
        payara.awaitReady(Duration.ofMinutes(Long.getLong("laurel.test.readyMinutes", 4)));
    }

    /** Kills Payara without a shutdown (like {@code kill -9}) and starts it again on the same database. */
    void killAndRestartPayara() throws IOException, InterruptedException {
        payara.kill();
        startPayara();
    }

    /** The SMTP server the portal sends to: {@code mail().getReceivedMessagesForDomain(...)} reads what arrived. */
    public GreenMail mail() {
        return mail;
    }

    /** The SMS gateway the portal sends to. */
    public SmsGateway sms() {
        return sms;
    }

    /** The mail server goes away: connections are refused until {@link #mailUp()}; what it received stays. */
    void mailDown() {
        if (mailOpen) {
            mailRelay.cut();
            mailOpen = false;
        }
    }

    /** The mail server is back (nothing happens when it was not away). */
    void mailUp() throws IOException {
        if (!mailOpen) {
            mailRelay.open();
            mailOpen = true;
        }
    }

    /** Cuts the portal's network link to the database (the database itself keeps running). */
    void cutDatabaseLink() {
        relay.cut();
    }

    void restoreDatabaseLink() throws IOException {
        relay.open();
    }

    /** Kills the embedded mariadbd as {@code kill -9} would; its data directory stays. */
    void killDatabase() throws Exception {
        ProcessHandle mariadbd = embedded.process().orElseThrow(() -> new IllegalStateException("no mariadbd found"));
        mariadbd.destroyForcibly();
        mariadbd.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Starts mariadbd again on the same data directory and port, as an operator or a supervisor would. */
    void startDatabaseAgain() throws Exception {
        embedded = EmbeddedDatabase.start(work.resolve("db"), work.resolve("mariadb"), embedded.port());
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Payara's process id, for jcmd (heap figures) or a kill. */
    public long payaraPid() {
        return payara.pid();
    }

    /** The database as an operator's tool reaches it (not through the relay). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Moves the server's clock to a second past {@code instant}, as if the test had slept until then: a notice
     * period ends, and the server, deciding by its own clock, refuses objections. {@link LaurelServerExtension}
     * puts the clock back after each test.
     */
    void moveClockPast(Instant instant) throws IOException {
        Duration ahead = Duration.between(Instant.now(), instant).plusSeconds(1);
        writeClockOffset(ahead.isNegative() ? Duration.ZERO : ahead);
    }

    /** The server's clock back to the real time. */
    void resetClock() throws IOException {
        writeClockOffset(Duration.ZERO);
    }

    private void writeClockOffset(Duration offset) throws IOException {
        // Written aside and moved into place, so the server never reads half a file.
        Path written = Files.writeString(work.resolve(CLOCK_OFFSET + ".new"), offset.toString());
        Files.move(written, work.resolve(CLOCK_OFFSET), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Payara's log, where the server writes what tests read back (the statements a request sent). */
    public Path log() {
        return work.resolve("payara.log");
    }

    public Path storageDir() {
        return work.resolve("files");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    /**
     * Enrols a unit in a contest with a quota of exactly one, straight in the database: set-up data for tests
     * about something else than enrolment (which has its own test through the API).
     */
    public void enrol(String contestCode, String unitName) throws SQLException {
        try (Connection db = connect(); PreparedStatement insert = db.prepareStatement("""
                insert into contest_unit (contest_id, unit_id, min_entries, max_entries)
                select c.id, u.id, 1, 1 from contest c, unit u where c.code = ? and u.name = ?""")) {
            insert.setString(1, contestCode);
            insert.setString(2, unitName);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no unit " + unitName + " or contest " + contestCode);
            }
        }
    }

    /** Where stored file {@code fileId} lies on disk, or null once its row is gone. */
    public Path storedFile(long fileId) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("select stored_name from stored_file where id = ?")) {
            query.setLong(1, fileId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? storageDir().resolve("files").resolve(row.getString(1).substring(0, 2)).resolve(row.getString(1)) : null;
            }
        }
    }

    /** How many accounts with this username the database holds: what a refused form must leave at 0. */
    public int countAccounts(String username) throws SQLException {
        try (Connection db = connect();
             PreparedStatement query = db.prepareStatement("select count(*) from account where username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Override
    public void close() {
        if (payara != null) {
            payara.close();
        }
        relay.close();
        mailRelay.close();
        mail.stop();
        sms.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    private static TcpRelay relayTo(String jdbcUrl) {
        Matcher hostPort = Pattern.compile("//([^:/]+)(?::(\\d+))?/").matcher(jdbcUrl);
        if (!hostPort.find()) {
            throw new IllegalArgumentException("cannot read host and port from " + jdbcUrl);
        }
        int port = hostPort.group(2) == null ? 3306 : Integer.parseInt(hostPort.group(2));
        try {
            return new TcpRelay(freePort(), hostPort.group(1), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
