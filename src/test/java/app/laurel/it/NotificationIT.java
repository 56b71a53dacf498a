package app.laurel.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static app.laurel.it.RoundFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, notifications: Laurel sends its own messages. The portal mails to a real SMTP server started by the test
 * (GreenMail, {@link TestServer#mail()}) and sends SMS to a stand-in gateway; the tests read both back and the outbox
 * table behind them. Exactly one mail per event, also when the mail server was down when the person acted (the
 * action does not wait for it) and after the portal was killed and restarted.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class NotificationIT {

    private static final Duration DELIVERY = Duration.ofSeconds(90);

    @Test
    void aSubmittedEntryIsReceiptedOnceByMailSmsAndInTheMessageList(TestServer server) throws Exception {
        Api api = new Api(server);
        Person citizen = citizen(api);
        RoundFixture.ContestRef contest = RoundFixture.contest(api, api.token("organiser", "Laurel2026"), "回执测试");
        String receipt = submit(api, citizen, contest, "回家的路");

        List<MimeMessage> mails = awaitMail(server, citizen.email(), 1);
        assertEquals("作品已收到：回家的路", mails.get(0).getSubject());
        assertTrue(text(mails.get(0)).contains("回执号 " + receipt), text(mails.get(0)));
        await("the SMS arrives", () -> !server.sms().to(citizen.phone()).isEmpty());
        assertTrue(server.sms().to(citizen.phone()).get(0).text().contains(receipt));
        JsonArray inbox = api.get("/api/v1/messages", citizen.token(), null).structure().asJsonArray();
        assertEquals(1, inbox.size(), inbox.toString());
        assertTrue(inbox.getJsonObject(0).getString("body").contains(receipt));

        awaitAllSent(server, citizen.email());
        assertEquals(1, server.mail().getReceivedMessagesForDomain(citizen.email()).length, "once, not once per dispatch round");
        assertEquals(1, server.sms().to(citizen.phone()).size());
    }

    @Test
    void withTheMailServerDownTheEntryIsSubmittedAtOnceAndTheReceiptArrivesOnceWhenItReturns(TestServer server) throws Exception {
        Api api = new Api(server);
        Person citizen = citizen(api);
        RoundFixture.ContestRef contest = RoundFixture.contest(api, api.token("organiser", "Laurel2026"), "断线测试");
        server.mailDown();
        try {
            Instant before = Instant.now();
            String receipt = submit(api, citizen, contest, "断线的信");
            assertTrue(Duration.between(before, Instant.now()).toSeconds() < 10, "the submission does not wait for the mail server");
            await("two attempts failed and wait for the next", () -> attempts(server, citizen.email()) >= 2);
            assertEquals(0, server.mail().getReceivedMessagesForDomain(citizen.email()).length);
            assertEquals("PENDING", state(server, citizen.email()));
            assertFalse(lastError(server, citizen.email()).isBlank(), "the outbox says why");
            server.mailUp();
            List<MimeMessage> mails = awaitMail(server, citizen.email(), 1);
            assertTrue(text(mails.get(0)).contains(receipt));
        } finally {
            server.mailUp();
        }
        awaitAllSent(server, citizen.email());
        assertEquals(1, server.mail().getReceivedMessagesForDomain(citizen.email()).length, "exactly once after the retries");
    }

    // Kills and restarts the shared portal (a minute, more on a busy machine): with the crash tests in mvn -Pfaults verify.
    @Tag("faults")
    @Test
    void aRestartedPortalDoesNotSendAgainWhatItSent(TestServer server) throws Exception {
        Api api = new Api(server);
        Person citizen = citizen(api);
        RoundFixture.ContestRef contest = RoundFixture.contest(api, api.token("organiser", "Laurel2026"), "重启测试");
        submit(api, citizen, contest, "第一篇");
        awaitMail(server, citizen.email(), 1);
        awaitAllSent(server, citizen.email());

        server.killAndRestartPayara();
        Person token = new Person(citizen.username(), api.token(citizen.username(), PASSWORD), citizen.email(), citizen.phone());
        submit(api, token, contest, "第二篇");
        List<MimeMessage> mails = awaitMail(server, citizen.email(), 2);
        awaitAllSent(server, citizen.email());
        assertEquals(List.of("作品已收到：第一篇", "作品已收到：第二篇"), subjects(server, citizen.email()),
                "the first one not again after the restart: " + mails.size());
    }

    @Test
    void aQueueOfSeveralBatchesGoesOutEachMessageOnceUnderItsOwnMessageId(TestServer server) throws Exception {
        String domain = "bulk" + ThreadLocalRandom.current().nextInt(1_000_000) + ".example";
        int count = 250; // more than two of the dispatcher's batches, and a part batch
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection db = server.connect(); PreparedStatement insert = db.prepareStatement("insert into outbox_message"
                + " (channel, addressee, recipient, template, idem_key, subject, body, state, attempts, next_attempt_at, created_at)"
                + " values ('MAIL', ?, ?, 'bulk-test', 'k', ?, 'body', 'PENDING', 0, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String address = "p" + i + "@" + domain;
                insert.setString(1, address);
                insert.setString(2, address);
                insert.setString(3, "bulk " + i);
                insert.setObject(4, now);
                insert.setObject(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        await("all " + count + " sent", () -> countOrFail(server, "select count(*) from outbox_message where recipient like ?"
                + " and state = 'SENT'", "%@" + domain) == count);

        java.util.Map<String, Integer> perMessageId = new java.util.HashMap<>();
        for (MimeMessage mail : server.mail().getReceivedMessages()) {
            if (mail.getAllRecipients()[0].toString().endsWith("@" + domain)) {
                perMessageId.merge(mail.getMessageID(), 1, Integer::sum);
            }
        }
        assertEquals(count, perMessageId.size(), "one Message-ID per row");
        assertEquals(List.of(1), perMessageId.values().stream().distinct().toList(), "none twice: " + perMessageId);
    }

    @Test
    void withMailAndSmsSwitchedOffOnlyTheInAppMessageIsThereInTheChosenLanguage(TestServer server) throws Exception {
        Api api = new Api(server);
        Person citizen = citizen(api);
        Api.Reply shown = api.get("/api/v1/messages/preferences", citizen.token(), null);
        assertEquals(200, shown.status(), shown.body());
        assertTrue(shown.json().getBoolean("mail") && shown.json().getBoolean("sms"), "on unless switched off");
        Api.Reply refused = api.put("/api/v1/messages/preferences", "{\"mail\":false,\"sms\":false,\"language\":\"fr\"}", citizen.token());
        assertEquals(400, refused.status(), refused.body());
        Api.Reply saved = api.put("/api/v1/messages/preferences", "{\"mail\":false,\"sms\":false,\"language\":\"en\"}",
                citizen.token(), shown.raw().headers().firstValue("ETag").orElseThrow());
        assertEquals(200, saved.status(), saved.body());
        assertEquals(409, api.put("/api/v1/messages/preferences", "{\"mail\":true,\"sms\":true,\"language\":\"en\"}",
                citizen.token(), shown.raw().headers().firstValue("ETag").orElseThrow()).status(), "saved from an old screen");

        RoundFixture.ContestRef contest = RoundFixture.contest(api, api.token("organiser", "Laurel2026"), "静音测试");
        String receipt = submit(api, citizen, contest, "Quiet");
        JsonObject message = api.get("/api/v1/messages", citizen.token(), null).structure().asJsonArray().getJsonObject(0);
        assertEquals("Entry received: Quiet", message.getString("subject"));
        assertTrue(message.getString("body").contains("Receipt number: " + receipt));
        assertEquals(0, count(server, "select count(*) from outbox_message where recipient in (?, ?)", citizen.email(), citizen.phone()),
                "nothing queued for mail or SMS");
        assertEquals(0, server.mail().getReceivedMessagesForDomain(citizen.email()).length);
    }

    /**
     * The organiser's "remind judges" reaches the judge who has scoring left, by mail, and in the message list a judge
     * on a phone opens from the bell; reading it clears the bell.
     */
    @Test
    void aRemindedJudgeGetsOneMailAndSeesTheBellOnAPhone(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "提醒测试");
        RoundFixture.acceptedEntry(api, organiser, contest, "待评的故事");
        String judge = Api.uniqueName("jn");
        String email = judge + "@judges.laurel.test";
        assertEquals(201, api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"王评委","email":"%s","role":"JUDGE","initialPassword":"%s"}"""
                .formatted(judge, email, PASSWORD), organiser, null).status());
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\"", java.util.Set.of(judge));
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        for (int press = 0; press < 2; press++) {
            Api.Reply reminded = api.post("/api/v1/rounds/" + round + "/remind", "", organiser, null);
            assertEquals(200, reminded.status(), reminded.body());
        }
        awaitMail(server, email, 2);
        awaitAllSent(server, email);
        assertEquals(List.of("评审任务：提醒测试 初评", "评审提醒：初评"), subjects(server, email),
                "the assignment when the round opened (NotificationEventsIT), and two presses within the hour remind once");
        // The assignment is read already, so that the bell counts the reminder alone.
        String judgeToken = api.token(judge, PASSWORD);
        long assignment = api.get("/api/v1/messages", judgeToken, null).structure().asJsonArray().stream()
                .map(jakarta.json.JsonValue::asJsonObject).filter(m -> m.getString("template").equals("judgeAssigned"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/v1/messages/" + assignment + "/read", "", judgeToken, null).status());

        Journey.phone(browser);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        PageActions.logIn(browser, server, judge, PASSWORD);
        WebElement bell = browser.findElement(By.id("bell"));
        assertEquals("1", browser.findElement(By.id("bellCount")).getText());
        assertTrue(bell.getRect().getHeight() >= 44 && bell.getRect().getWidth() >= 44, "one 44-px target: " + bell.getRect());
        assertTrue(browser.findElement(By.cssSelector("header.site-header")).getRect().getHeight() <= 60, "the phone header stays one row");
        bell.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.inbox-message.unread")));
        assertTrue(browser.findElement(By.cssSelector("article.inbox-message")).getText().contains("评审提醒：初评"));
        Journey.check(browser, "notification-judge-messages-phone");
        browser.findElement(By.cssSelector("article.inbox-message .mark-read")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("article.inbox-message.unread")));
        assertTrue(browser.findElements(By.id("bellCount")).isEmpty(), "read: no count on the bell");
        assertEquals(0, api.get("/api/v1/messages", judgeToken, null).structure().asJsonArray().stream()
                .filter(m -> absent(m.asJsonObject(), "readAt")).count());

        // The mail server refused the address since: the page says so, and the judge switches mail off.
        try (Connection db = server.connect(); PreparedStatement bounce = db.prepareStatement(
                "insert into mail_bounce (address, bounced_at, reason) values (?, utc_timestamp(3), '550 5.1.1 no such user')")) {
            bounce.setString(1, email);
            bounce.executeUpdate();
        }
        browser.navigate().refresh();
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bounced"))).getText().contains(email));
        browser.findElement(By.cssSelector("#prefs\\:mail .ui-chkbox-box")).click();
        browser.findElement(By.id("prefs:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "通知方式已保存"));
        Journey.check(browser, "notification-preferences-phone");
        JsonObject preferences = api.get("/api/v1/messages/preferences", judgeToken, null).json();
        assertFalse(preferences.getBoolean("mail"), preferences.toString());
        assertTrue(preferences.getBoolean("sms"));
        assertFalse(absent(preferences, "emailBouncedAt"), "the API shows the bounce too");
        browser.findElement(By.id("bounce:worksAgain")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("bounced")));
        assertTrue(absent(api.get("/api/v1/messages/preferences", judgeToken, null).json(), "emailBouncedAt"));
    }

    record Person(String username, String token, String email, String phone) {
    }

    /** A citizen with a mail address and a mobile number of their own, so that what arrives is theirs alone. */
    static Person citizen(Api api) throws Exception {
        String username = Api.uniqueName("nt");
        String email = username + "@citizens.laurel.test";
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Api.Reply reply = api.post("/api/v1/registrations", """
                {"username":"%s","displayName":"测试群众","phone":"%s","email":"%s","password":"%s"}"""
                .formatted(username, phone, email, PASSWORD), null, null);
        assertEquals(201, reply.status(), reply.body());
        return new Person(username, api.token(username, PASSWORD), email, phone);
    }

    /** Submits a short story; its receipt number. */
    static String submit(Api api, Person author, RoundFixture.ContestRef contest, String title) throws Exception {
        Api.Reply draft = api.post("/api/v1/entries", """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"%s","bodyHtml":"<p>这是一个真实的禁毒故事，讲述了社区的变化。</p>",
                 "originalityDeclared":true,"displayConsent":true}""".formatted(contest.code(), contest.category(), title), author.token(), null);
        assertEquals(201, draft.status(), draft.body());
        Api.Reply submitted = api.post("/api/v1/entries/" + draft.json().getJsonNumber("id") + "/submit", "", author.token(), null);
        assertEquals(200, submitted.status(), submitted.body());
        return submitted.json().getString("receiptNo");
    }

    /** Waits for {@code count} mails to {@code address}; fails if they do not come, or more come. */
    static List<MimeMessage> awaitMail(TestServer server, String address, int count) {
        await(count + " mail(s) to " + address, () -> server.mail().getReceivedMessagesForDomain(address).length >= count);
        MimeMessage[] mails = server.mail().getReceivedMessagesForDomain(address);
        assertEquals(count, mails.length, "mails to " + address);
        return Arrays.asList(mails);
    }

    /** Waits until nothing to {@code recipient} is pending: every later dispatch round would find nothing to send. */
    static void awaitAllSent(TestServer server, String recipient) {
        await("everything to " + recipient + " sent", () -> {
            try {
                return count(server, "select count(*) from outbox_message where recipient = ? and state <> 'SENT'", recipient) == 0
                        && count(server, "select count(*) from outbox_message where recipient = ?", recipient) > 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<String> subjects(TestServer server, String address) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage mail : server.mail().getReceivedMessagesForDomain(address)) {
            subjects.add(mail.getSubject());
        }
        return subjects.stream().sorted().toList();
    }

    /** JSON-B leaves a null property out. */
    private static boolean absent(JsonObject json, String key) {
        return !json.containsKey(key) || json.isNull(key);
    }

    private static String text(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int attempts(TestServer server, String recipient) {
        return Integer.parseInt(column(server, "attempts", recipient));
    }

    private static String state(TestServer server, String recipient) {
        return column(server, "state", recipient);
    }

    private static String lastError(TestServer server, String recipient) {
        String error = column(server, "last_error", recipient);
        return error == null ? "" : error;
    }

    private static String column(TestServer server, String column, String recipient) {
        try (Connection db = server.connect();
             PreparedStatement query = db.prepareStatement("select " + column + " from outbox_message where recipient = ?")) {
            query.setString(1, recipient);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : "0";
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(TestServer server, String sql, String... values) throws Exception {
        try (Connection db = server.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setString(i + 1, values[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long countOrFail(TestServer server, String sql, String... values) {
        try {
            return count(server, sql, values);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code condition} holds, for at most {@link #DELIVERY}; no fixed sleeps. */
    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DELIVERY);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + DELIVERY + ": " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
