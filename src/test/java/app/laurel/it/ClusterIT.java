package app.laurel.it;

import app.laurel.bench.MailBenchmark;
import app.laurel.devserver.EmbeddedDatabase;
import app.laurel.devserver.LocalCluster;
import app.laurel.devserver.PayaraProcess;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: two Payara Micro nodes of one cluster behind nginx on loopback, the real WAR and a real MariaDB. A resumable
 * upload begun on one node ends on the other; 1,000 queued mails go out once each with both nodes running; a notice's
 * correction shows on both nodes at once although each had it cached; and a judge whose node is killed with kill -9
 * finishes scoring without logging in again and without losing a score. One cluster for the class (two boots take
 * minutes), so the kill comes last. {@code mvn -Pcluster-test verify}.
 */
@Tag("cluster")
@ExtendWith(BrowserExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String OUTBOX_KEY = "cluster-it";

    @org.junit.jupiter.api.io.TempDir
    static Path dir;

    private static EmbeddedDatabase db;
    private static GreenMail mail;
    private static LocalCluster cluster;
    private static Map<String, String> env;
    private static Path work;

    @BeforeAll
    static void startTwoNodesBehindNginx() throws Exception {
        work = Path.of(System.getProperty("laurel.test.work", "target/it-server")).toAbsolutePath()
                .resolveSibling("cluster-it");
        TestServer.deleteRecursively(work);
        db = EmbeddedDatabase.start(work.resolve("db"), work.resolve("mariadb"));
        mail = new GreenMail(new ServerSetup(TestServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        int proxy = TestServer.freePort();
        env = new HashMap<>(Map.of("DB_URL", db.jdbcUrl(), "DB_USER", "laurel", "DB_PASSWORD", "laurel",
                "LAUREL_STORAGE_DIR", work.resolve("files").toString(), "LAUREL_DEMO_ENABLED", "true",
                "LAUREL_PUBLIC_URL", "http://localhost:" + proxy,
                "LAUREL_MAIL_HOST", "127.0.0.1", "LAUREL_MAIL_PORT", String.valueOf(mail.getSmtp().getPort()),
                "LAUREL_MAIL_FROM", "laurel@laurel.test"));
        env.putAll(Map.of("LAUREL_NOTIFY_DISPATCH_EVERY", "PT1S", "LAUREL_NOTIFY_RETRY_FIRST", "PT1S",
                "LAUREL_NOTIFY_RETRY_CAP", "PT2S"));
        cluster = LocalCluster.start(new LocalCluster.Settings(Path.of(System.getProperty("laurel.payara.jar")),
                Path.of(System.getProperty("laurel.war")), work, "laurel-it-" + ProcessHandle.current().pid(), proxy,
                List.of(TestServer.freePort(), TestServer.freePort()), List.of(TestServer.freePort(), TestServer.freePort()),
                env, Duration.ofMinutes(Long.getLong("laurel.test.readyMinutes", 10))), started -> { });
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void anUploadBegunOnOneNodeFinishesOnTheOtherWithTheSameHash() throws Exception {
        Api first = new Api(cluster.nodes().get(0).url());
        Api second = new Api(cluster.nodes().get(1).url());
        String citizen = first.token(first.registerCitizen(RoundFixture.PASSWORD), RoundFixture.PASSWORD);
        Path video = TestFiles.mp4(dir, 120);
        byte[] bytes = Files.readAllBytes(video);
        Api.Reply begun = first.post("/api/v1/uploads", """
                {"fileName":"两个节点.mp4","length":%d}""".formatted(bytes.length), citizen, null);
        assertEquals(201, begun.status(), begun.body());
        String path = "/api/v1/uploads/" + begun.json().getString("id");
        int half = bytes.length / 2;
        assertEquals(200, first.patch(path, 0, HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOf(bytes, half)), citizen).status());

        long offset = Long.parseLong(second.head(path, citizen).raw().headers().firstValue("Upload-Offset").orElseThrow());
        assertEquals(half, offset, "the other node knows how far the upload got");
        Api.Reply done = second.patch(path, offset,
                HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, half, bytes.length)), citizen);
        assertEquals(200, done.status(), done.body());
        JsonObject file = done.json().getJsonObject("file");
        assertEquals(TestFiles.sha256(video), file.getString("sha256"));
        assertTrue(Arrays.equals(bytes, first.bytes("/api/v1/files/" + file.getJsonNumber("id") + "/content", citizen)),
                "the first node serves the file the second one finished");
    }

    @Test
    @Order(2)
    void aThousandQueuedMailsGoOutOnceEachWithBothNodesRunning() throws Exception {
        int count = 1000;
        mail.purgeEmailFromAllMailboxes();
        MailBenchmark.queue(db.jdbcUrl(), OUTBOX_KEY, count);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (mail.getReceivedMessages().length < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        // A second sender would still be at work: give it a few dispatch rounds to show itself.
        Thread.sleep(5000);
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                perRecipient.merge(to.toString(), 1, Integer::sum);
            }
        }
        assertEquals(count, perRecipient.size(), "every entrant got mail");
        assertEquals(List.of(), perRecipient.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList(),
                "nobody got it twice");
        assertEquals(count, mail.getReceivedMessages().length);
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "select count(*) from outbox_message where idem_key = ? and state = 'SENT'")) {
            query.setString(1, OUTBOX_KEY);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(count, row.getInt(1), "the outbox holds every one as sent");
            }
        }
        cluster.nodes().forEach(node -> assertTrue(cluster.isAlive(node), node + " ran throughout"));
    }

    @Test
    @Order(3)
    void aCorrectedNoticeShowsOnBothNodesAtOnceThoughEachHadItCached() throws Exception {
        Api api = new Api(cluster.url());
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, RoundFixture.contest(api, organiser),
                Duration.ofDays(5), "集群里的第一名", "集群里的第二名", "集群里的第三名");
        String page = "/n/" + notice.code();
        for (LocalCluster.Node node : cluster.nodes()) {
            Api direct = new Api(node.url());
            String tag = direct.get(page, null, null).raw().headers().firstValue("ETag").orElseThrow();
            assertEquals(tag, direct.get(page, null, null).raw().headers().firstValue("ETag").orElseThrow(),
                    node + " serves the notice from its cache");
        }
        String contact = "县禁毒办 0734-" + (1_000_000 + (int) (Math.random() * 8_999_999));
        Api.Reply corrected = new Api(cluster.nodes().get(0).url()).post("/api/v1/notices/" + notice.id() + "/corrections",
                "{\"contact\":\"%s\",\"reason\":\"更正联系电话\"}".formatted(contact), organiser, null);
        assertEquals(201, corrected.status(), corrected.body());

        Instant deadline = Instant.now().plusSeconds(5); // the cache keeps a page 60 s: 5 s tells "at once" from luck
        for (LocalCluster.Node node : cluster.nodes()) {
            Api direct = new Api(node.url());
            String body = direct.get(page, null, null).body();
            while (!body.contains(contact) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                body = direct.get(page, null, null).body();
            }
            assertTrue(body.contains(contact), node + " still shows the notice as it was before the correction");
        }
    }

    /**
     * A third node started with the wrong cluster name forms a grid of one, which alone looks like a survivor; the
     * heartbeats in the shared database show it the two nodes that serve without it, so it reports not ready and
     * answers 503 to everything, while the cluster goes on serving.
     */
    @Test
    @Order(0)
    void aNodeThatCannotJoinTheClusterReportsNotReadyAndTakesNoTraffic() throws Exception {
        int hazelcast = TestServer.freePort();
        try (PayaraProcess stray = PayaraProcess.start(Path.of(System.getProperty("laurel.payara.jar")),
                Path.of(System.getProperty("laurel.war")), TestServer.freePort(), env, work.resolve("node-stray.log"),
                new PayaraProcess.ClusterMember("laurel-stray", "not-the-cluster", hazelcast, List.of(hazelcast)))) {
            Api api = new Api(stray.baseUrl());
            Instant deadline = Instant.now().plus(Duration.ofMinutes(Long.getLong("laurel.test.readyMinutes", 10)));
            Api.Reply ready = null;
            Api.Reply home = null;
            // Payara answers its health checks before the web module is up (404 then, as PayaraProcess knows): wait for both.
            while (Instant.now().isBefore(deadline) && (ready == null || !ready.body().contains("outsideOf")
                    || home == null || home.status() == 404)) {
                Thread.sleep(1000);
                ready = answer(api, "/health/ready");
                home = answer(api, "/");
            }
            assertTrue(ready != null && ready.status() == 503 && ready.body().contains("with 2 member(s)"),
                    "the stray node names the bigger side it is outside of: " + (ready == null ? "" : ready.body()));
            assertEquals(503, home.status(), "and serves no page");
            assertEquals("10", home.raw().headers().firstValue("Retry-After").orElse(""));
            // Plain HTTP: the Api helper would first read this node's /openapi, which it refuses too.
            java.net.http.HttpResponse<Void> json = java.net.http.HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(java.net.URI.create(stray.baseUrl() + "/api/v1/contests/HY2021")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertEquals(503, json.statusCode(), "nor the API");
            for (LocalCluster.Node node : cluster.nodes()) {
                assertEquals(200, new Api(node.url()).get("/health/ready", null, null).status(), node + " still serves");
            }
            assertEquals(200, new Api(cluster.url()).get("/api/v1/contests/HY2021", null, null).status());
        }
    }

    /** The answer, or none while the node is still booting (the connection is refused). */
    private static Api.Reply answer(Api api, String path) throws InterruptedException {
        try {
            return api.get(path, null, null);
        } catch (java.io.IOException booting) {
            return null;
        }
    }

    @Test
    @Order(4)
    void aJudgeFinishesScoringWithoutLoggingInAgainWhenTheNodeHoldingTheirSessionIsKilled(WebDriver browser) throws Exception {
        Api api = new Api(cluster.url());
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "集群评审");
        for (String title : List.of("节点一", "节点二", "节点三", "节点四")) {
            RoundFixture.acceptedEntry(api, organiser, contest, title);
        }
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 1);
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":2", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        List<Long> cards = JudgingRulesIT.cards(api, judges.values().iterator().next()).stream()
                .map(card -> card.getJsonNumber("scorecardId").longValue()).toList();
        assertEquals(4, cards.size());

        PageActions.logIn(browser, cluster.url(), judges.keySet().iterator().next(), RoundFixture.PASSWORD);
        score(browser, cards.get(0), 0);
        score(browser, cards.get(1), 1);
        String third = "/judge/score.xhtml?id=" + cards.get(2);
        browser.get(cluster.url() + third);
        LocalCluster.Node holder = cluster.node(cluster.nginx().nodeThatServed(third + " ").orElseThrow());
        cluster.kill(holder);

        fillAndSubmit(browser, 2); // the page loaded from the killed node posts back to the other one
        score(browser, cards.get(3), 3);
        assertTrue(browser.getCurrentUrl().contains("/judge/score.xhtml"), "never sent to log in: " + browser.getCurrentUrl());

        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "select status, total_half_points from scorecard where id = ?")) {
            for (int i = 0; i < cards.size(); i++) {
                query.setLong(1, cards.get(i));
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals("SUBMITTED", row.getString(1), "scorecard " + (i + 1));
                    assertEquals(2 * (65 + i), row.getInt(2), "scorecard " + (i + 1) + " as the judge typed it");
                }
            }
        }
    }

    private static void score(WebDriver browser, long card, int index) {
        browser.get(cluster.url() + "/judge/score.xhtml?id=" + card);
        fillAndSubmit(browser, index);
    }

    /** Scores 20+index, 20, 15 and 10 (65+index in all) on the open scorecard, submits and confirms. */
    private static void fillAndSubmit(WebDriver browser, int index) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        List<WebElement> inputs = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("input.score-input"), 4));
        String[] values = {String.valueOf(20 + index), "20", "15", "10"};
        for (int i = 0; i < values.length; i++) {
            inputs.get(i).clear();
            inputs.get(i).sendKeys(values[i]);
        }
        browser.findElement(By.id("score:submit")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "评分已提交"));
    }

    private static Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), "laurel", "laurel");
    }
}
