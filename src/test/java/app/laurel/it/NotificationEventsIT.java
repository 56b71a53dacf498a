package app.laurel.it;

import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, the events: each step of a contest and of a campaign tells the people it concerns, once. Every message
 * is read back where the person reads it: the mail from the SMTP server the portal sends to ({@link TestServer#mail()}),
 * the SMS from the stand-in gateway, and the in-app copy from the database. The deadline reminders come from the
 * portal's own sweep (every three seconds here); it is seen to run again without telling anyone twice.
 */
@ExtendWith(LaurelServerExtension.class)
class NotificationEventsIT {

    private static final String PASSWORD = RoundFixture.PASSWORD;

    /**
     * Screening (accepted, returned with the reason, rejected), the judge's assignment and judging reminder, the
     * township below its quota, the notice to the township and every entrant, the objector's receipt and reply by mail
     * and SMS, and the winner's certificate: one mail each.
     */
    @Test
    void eachStepOfAContestTellsThePeopleItConcernsOnce(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        Instant now = Instant.now();
        String code = "N" + Api.uniqueName("").toUpperCase(java.util.Locale.ROOT).substring(0, 8);
        String title = "消息测试" + code;
        // Submissions close within a day (the quota reminder's last stage), judging within three (its first stage).
        Api.Reply created = api.post("/api/v1/contests", """
                {"code":"%s","title":"%s","phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"},"JUDGING":{"startsAt":"%s","endsAt":"%s"}},
                 "categories":["禁毒志愿者"],"story":{"minChars":10,"maxChars":2000,"maxImages":2,"attachmentAllowed":true}}"""
                .formatted(code, title, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(20)), now.plus(Duration.ofHours(20)),
                        now.plus(Duration.ofDays(2))), organiser, null);
        assertEquals(201, created.status(), created.body());
        long category = ContestFixture.category(api, code, 0);

        String township = "消息镇" + code;
        NotificationIT.Person clerk = staff(api, organiser, "UNIT_ADMIN", township);
        server.enrol(code, township); // a minimum of one, and nothing submitted

        NotificationIT.Person[] citizens = new NotificationIT.Person[4];
        String[] titles = {"甲的故事", "乙的故事", "丙的故事", "丁的故事"};
        long[] entries = new long[4];
        for (int i = 0; i < 4; i++) {
            citizens[i] = NotificationIT.citizen(api);
            entries[i] = RoundFixture.entry(api, citizens[i].token(), code, category, titles[i], null, null);
        }
        RoundFixture.accept(api, organiser, code, entries[0]);
        RoundFixture.accept(api, organiser, code, entries[1]);
        decide(api, organiser, code, entries[2], "RETURN", "请补充作者的联系方式");
        decide(api, organiser, code, entries[3], "REJECT", "内容与禁毒主题无关");
        assertTrue(text(awaitMail(server, citizens[0].email(), "作品已通过资格审查：甲的故事")).contains(title));
        assertTrue(text(awaitMail(server, citizens[2].email(), "作品被退回修改：丙的故事")).contains("原因：请补充作者的联系方式"));
        assertTrue(text(awaitMail(server, citizens[3].email(), "作品未通过资格审查：丁的故事")).contains("内容与禁毒主题无关"));
        NotificationIT.await("the returned entry's SMS names the reason", () -> server.sms().to(citizens[2].phone()).stream()
                .anyMatch(s -> s.text().contains("请补充作者的联系方式")));

        NotificationIT.Person judge = staff(api, organiser, "JUDGE", null);
        long round = JudgingRulesIT.createRound(api, organiser, code, "\"mode\":\"ALL\",\"selectCount\":1", java.util.Set.of(judge.username()));
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        assertTrue(text(awaitMail(server, judge.email(), "评审任务：" + title + " 初评")).contains("共 2 件"));

        // The sweep finds the judge with two scorecards to submit, and the township with none of its one entry.
        MimeMessage reminder = awaitMail(server, judge.email(), "评审即将截止：" + title + " 初评");
        assertTrue(text(reminder).contains("还有 2 件"), text(reminder));
        assertTrue(text(awaitMail(server, clerk.email(), "报送数量不足：" + title)).contains("已报送 0 件作品，至少应报送 1 件"));
        int sweeps = sweeps(server);
        NotificationIT.await("two more sweeps found the same reminders due", () -> sweeps(server) >= sweeps + 2);
        assertEquals(1, inbox(server, judge.username(), "judgingDeadline"), "swept again: still one reminder");
        assertEquals(1, inbox(server, clerk.username(), "quotaShort"));

        for (JsonObject card : JudgingRulesIT.cards(api, judge.token())) {
            String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
            assertEquals(200, api.put(path, RoundFixture.split(card.getString("code").equals("R1-001") ? 85 : 70), judge.token()).status());
            assertEquals(200, api.post(path + "/submit", "", judge.token(), null).status());
        }
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/close", "", organiser, null).status());
        JsonObject notice = api.post("/api/v1/notices", "{\"roundId\":%d}".formatted(round), organiser, null).json();
        long noticeId = notice.getJsonNumber("id").longValue();
        Instant ends = Instant.now().plus(Duration.ofMinutes(10));
        assertEquals(200, api.put("/api/v1/notices/" + noticeId, """
                {"title":"关于评选结果的公示","body":"现予公示。","order":"RANK","startsAt":"%s","endsAt":"%s","contact":"县禁毒办"}"""
                .formatted(Instant.now().minusSeconds(60), ends), organiser).status());
        assertEquals(200, api.post("/api/v1/notices/" + noticeId + "/publish", "", organiser, null).status());
        String shortLink = "/n/" + notice.getString("shortCode");
        for (NotificationIT.Person told : List.of(clerk, citizens[0], citizens[3])) {
            assertTrue(text(awaitMail(server, told.email(), "评选结果公示：" + title)).contains(shortLink), told.username());
        }
        for (NotificationIT.Person citizen : citizens) {
            assertEquals(1, inbox(server, citizen.username(), "noticePublished"), "every entrant, in the message list");
        }

        String objector = "139" + String.valueOf(System.nanoTime()).substring(5, 13);
        String objectorMail = Api.uniqueName("obj") + "@objectors.laurel.test";
        Api.Reply filed = api.post("/api/v1/notices/public/" + notice.getString("shortCode") + "/objections", """
                {"realName":"张建国","phone":"%s","contact":"%s","entry":"R1-001","reasons":"该作品与某报2019年刊登的文章雷同，涉嫌抄袭。"}"""
                .formatted(objector, objectorMail), null, null);
        assertEquals(201, filed.status(), filed.body());
        String receipt = filed.json().getString("receiptNo");
        assertTrue(text(awaitMail(server, objectorMail, "异议已收到：" + receipt)).contains(receipt));
        long objection = api.get("/api/v1/notices/" + noticeId + "/objections", organiser, null).structure().asJsonArray()
                .getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/v1/notices/objections/" + objection + "/decision",
                "{\"decision\":\"DISMISS\",\"investigation\":\"经核实，作品系原创。\",\"reply\":\"经调查核实，您反映的问题不成立。\"}",
                organiser, null).status());
        assertTrue(text(awaitMail(server, objectorMail, "异议处理结果：" + receipt)).contains("经调查核实，您反映的问题不成立。"));
        NotificationIT.await("the objector's two SMS", () -> server.sms().to(objector).size() >= 2);

        server.moveClockPast(ends);
        Api.Reply finalised = api.post("/api/v1/notices/" + noticeId + "/finalise", "", organiser, null);
        assertEquals(200, finalised.status(), finalised.body());
        assertEquals(200, api.put("/api/v1/certificates/template?contest=" + code, """
                {"title":"荣誉证书","body":"{name}同志：你的作品《{work}》荣获“{award}”称号，特发此证。","award":"最美禁毒故事",
                 "issuer":"县禁毒委员会","issuedOn":"2026-12-01"}""", organiser).status());
        assertEquals(200, api.post("/api/v1/certificates/issue?contest=" + code, "", organiser, null).status());
        assertTrue(text(awaitMail(server, citizens[0].email(), "荣誉证书已颁发：甲的故事")).contains("最美禁毒故事"));

        List<String> everyone = new ArrayList<>(List.of(clerk.email(), judge.email(), objectorMail));
        Arrays.stream(citizens).map(NotificationIT.Person::email).forEach(everyone::add);
        everyone.forEach(address -> NotificationIT.awaitAllSent(server, address));
        for (String address : everyone) {
            List<String> subjects = subjects(server, address);
            assertEquals(subjects.stream().distinct().toList(), subjects, address + " got a mail twice");
        }
        assertEquals(List.of("作品已收到：甲的故事", "作品已通过资格审查：甲的故事", "荣誉证书已颁发：甲的故事", "评选结果公示：" + title),
                subjects(server, citizens[0].email()).stream().sorted().toList(), "the winner's mails");
        assertEquals(2, server.sms().to(objector).size(), "receipt and reply, once each");
    }

    /** A campaign unit is reminded of a task it has not reported on, and told why its report on another came back. */
    @Test
    void aCampaignUnitIsRemindedOfItsTaskAndToldOfAReturnOnce(TestServer server, @TempDir Path dir) throws Exception {
        Api api = new Api(server);
        CampaignFixture f = new CampaignFixture(api);
        long office = f.office("信息科");
        String reviewer = f.reviewer(office);
        String school = "消息学校" + f.code;
        String admin = f.unitAdmin(school);
        String email = admin + "@units.laurel.test";
        try (Connection db = server.connect(); PreparedStatement update = db.prepareStatement("update account set email = ? where username = ?")) {
            update.setString(1, email);
            update.setString(2, admin);
            assertEquals(1, update.executeUpdate());
        }
        f.enrol(school);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        f.task("开展禁毒主题班会", "\"信息科\"", null, null, null, today.plusDays(1).toString());
        long posts = f.task("发布禁毒宣传信息 4 条以上", "\"信息科\"", "AT_LEAST", 4, "条", today.plusDays(20).toString());

        assertTrue(text(awaitMail(server, email, "任务即将截止：测试专项行动")).contains("有 1 项任务"));
        String unitToken = api.token(admin, CampaignFixture.PASSWORD);
        long photo = api.upload(TestFiles.png(dir, 320, 240), "宣传图片.png", unitToken).json()
                .getJsonObject("file").getJsonNumber("id").longValue();
        long report = api.post(f.path("/tasks/" + posts + "/report"), "{\"text\":\"已发布 3 条\",\"value\":\"3\",\"fileIds\":[" + photo + "]}",
                unitToken, null).json().getJsonNumber("id").longValue();
        Api.Reply returned = api.post(f.path("/reports/" + report + "/decision"), "{\"decision\":\"RETURN\",\"reason\":\"不足 4 条，请补发后再报\"}",
                api.token(reviewer, CampaignFixture.PASSWORD), null);
        assertEquals(200, returned.status(), returned.body());
        assertTrue(text(awaitMail(server, email, "任务报送被退回：测试专项行动 第 2 项")).contains("不足 4 条，请补发后再报"));

        int sweeps = sweeps(server);
        NotificationIT.await("two more sweeps", () -> sweeps(server) >= sweeps + 2);
        NotificationIT.awaitAllSent(server, email);
        assertEquals(List.of("任务即将截止：测试专项行动", "任务报送被退回：测试专项行动 第 2 项"),
                subjects(server, email).stream().sorted().toList());
        assertEquals(1, inbox(server, admin, "campaignDeadline"));
    }

    /** A judge (no unit) or a unit's administrator, created by the organiser with a mail address. */
    private static NotificationIT.Person staff(Api api, String organiser, String role, String unit) throws Exception {
        String username = Api.uniqueName("ns");
        String email = username + "@staff.laurel.test";
        Api.Reply reply = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"%s","email":"%s","role":"%s",%s"initialPassword":"%s"}"""
                .formatted(username, username, email, role, unit == null ? "" : "\"unitName\":\"" + unit + "\",\"unitType\":\"TOWNSHIP\",",
                        PASSWORD), organiser, null);
        assertEquals(201, reply.status(), reply.body());
        return new NotificationIT.Person(username, api.token(username, PASSWORD), email, null);
    }

    private static void decide(Api api, String organiser, String contest, long entry, String decision, String reason) throws Exception {
        Api.Reply reply = api.post("/api/v1/screening/" + contest + "/entries/" + entry + "/decision",
                "{\"decision\":\"%s\",\"reason\":\"%s\"}".formatted(decision, reason), organiser, null);
        assertEquals(200, reply.status(), reply.body());
    }

    /** The one mail with this subject to this address, once it has arrived. */
    private static MimeMessage awaitMail(TestServer server, String address, String subject) throws Exception {
        NotificationIT.await("a mail to " + address + ": " + subject, () -> !mails(server, address, subject).isEmpty());
        List<MimeMessage> found = mails(server, address, subject);
        assertEquals(1, found.size(), subject);
        return found.get(0);
    }

    private static List<MimeMessage> mails(TestServer server, String address, String subject) {
        return Arrays.stream(server.mail().getReceivedMessages()).filter(m -> to(m, address))
                .filter(m -> subject.equals(subject(m))).toList();
    }

    private static List<String> subjects(TestServer server, String address) {
        return Arrays.stream(server.mail().getReceivedMessages()).filter(m -> to(m, address))
                .map(NotificationEventsIT::subject).toList();
    }

    private static boolean to(MimeMessage mail, String address) {
        try {
            Address[] to = mail.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many in-app messages of this template the account has. */
    private static int inbox(TestServer server, String username, String template) {
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement(
                "select count(*) from inbox_message i join account a on a.id = i.account_id where a.username = ? and i.template = ?")) {
            q.setString(1, username);
            q.setString(2, template);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many sweeps so far found reminders due (each logs one line). */
    private static int sweeps(TestServer server) {
        try (var lines = Files.lines(server.log())) {
            return (int) lines.filter(l -> l.contains("Deadline reminders due:")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
