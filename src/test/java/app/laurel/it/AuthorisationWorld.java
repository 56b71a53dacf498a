package app.laurel.it;

import jakarta.json.JsonObject;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One of everything the API can be asked about, owned by someone, and the people who may or may not ask: two
 * citizens, two township clerks, a judge who scores citizen A's entry, one who declared a conflict on it and one
 * outside the round, a campaign reviewer, the organiser and the administrator. Built once through the API as
 * those people would, so that {@link AuthorisationMatrixIT} can ask every question as every one of them.
 */
final class AuthorisationWorld {

    static final String PASSWORD = "Matrix2026authz";
    /** Citizen A's identity, which no answer a judge sees may contain. */
    static final String AUTHOR_NAME = "欧阳明华";
    static final String AUTHOR_PHONE = "13912345670";

    /** identity name → bearer token (null for the anonymous visitor). */
    final Map<String, String> tokens = new LinkedHashMap<>();
    /** identity name → username, for logging in on the pages. */
    final Map<String, String> usernames = new LinkedHashMap<>();
    /** placeholder → value for the matrix's paths and bodies. */
    final Map<String, String> values = new LinkedHashMap<>();

    AuthorisationWorld(TestServer server, Api api, Path dir) throws Exception {
        String organiser = api.token("organiser", "Laurel2026");
        tokens.put("anon", null);
        String authorUsername = Api.uniqueName("mxa");
        Api.Reply registered = api.post("/api/v1/registrations", """
                {"username":"%s","displayName":"%s","phone":"%s","password":"%s"}"""
                .formatted(authorUsername, AUTHOR_NAME, AUTHOR_PHONE, PASSWORD), null, null);
        assertEquals(201, registered.status(), registered.body());
        values.put("authorUsername", authorUsername);
        identity("citizenA", authorUsername, api.token(authorUsername, PASSWORD));
        String citizenB = api.registerCitizen(PASSWORD);
        identity("citizenB", citizenB, api.token(citizenB, PASSWORD));

        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "权限矩阵");
        values.put("C", contest.code());
        values.put("category", String.valueOf(contest.category()));
        RoundFixture.Township townA = RoundFixture.township(api, server, organiser, contest.code());
        RoundFixture.Township townB = RoundFixture.township(api, server, organiser, contest.code());
        identity("unitA", townA.admin(), api.token(townA.admin(), RoundFixture.PASSWORD));
        identity("unitB", townB.admin(), api.token(townB.admin(), RoundFixture.PASSWORD));
        values.put("unitB", String.valueOf(townB.id()));

        // Citizen A's entry, with a picture, accepted; two more so that a round has something to rank.
        String a = tokens.get("citizenA");
        long picture = api.upload(TestFiles.png(dir, 120, 90), "照片.png", a).json().getJsonObject("file")
                .getJsonNumber("id").longValue();
        values.put("F_A", String.valueOf(picture));
        long entryA = RoundFixture.entry(api, a, contest.code(), contest.category(), "矩阵里的故事", null, picture);
        RoundFixture.accept(api, organiser, contest.code(), entryA);
        values.put("E_A", String.valueOf(entryA));
        // The entry's receipt in citizen A's message list.
        values.put("MSG_A", String.valueOf(api.get("/api/v1/messages", a, null).structure().asJsonArray().getJsonObject(0)
                .getJsonNumber("id").longValue()));
        RoundFixture.acceptedEntry(api, organiser, contest, "第二个故事");
        RoundFixture.acceptedEntry(api, organiser, contest, "第三个故事");
        // A citizen's story naming township A: the one township A's clerk may recommend.
        values.put("E_T", String.valueOf(RoundFixture.acceptedNaming(api, organiser, contest.code(), contest.category(),
                "镇里的故事", townA.id())));
        Api.Reply begun = api.post("/api/v1/uploads", "{\"fileName\":\"视频.mp4\",\"length\":4096}", a, null);
        assertEquals(201, begun.status(), begun.body());
        values.put("U_A", begun.json().getString("id"));

        // Three judges: A scores citizen A's entry, C declared a conflict on it, N is in no round.
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 3);
        var names = judges.keySet().toArray(String[]::new);
        identity("judgeA", names[0], judges.get(names[0]));
        identity("judgeC", names[1], judges.get(names[1]));
        identity("judgeN", names[2], judges.get(names[2]));
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":2",
                java.util.Set.of(names[0], names[1]));
        values.put("R", String.valueOf(round));
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        values.put("SC_A", String.valueOf(scorecardOf(api, tokens.get("judgeA"), "矩阵里的故事")));
        long conflicted = scorecardOf(api, tokens.get("judgeC"), "矩阵里的故事");
        assertEquals(204, api.post("/api/v1/judging/scorecards/" + conflicted + "/conflict", "{\"reason\":\"作者是我的亲属\"}",
                tokens.get("judgeC"), null).status());
        values.put("SC_C", String.valueOf(conflicted));
        values.put("entryCode", JudgingRulesIT.cards(api, tokens.get("judgeA")).stream()
                .filter(c -> c.getString("title").equals("矩阵里的故事")).findFirst().orElseThrow().getString("code"));

        // A notice with an objection, open for a week; a finalised one with certificates and prizes.
        RoundFixture.ContestRef noticed = RoundFixture.contest(api, organiser, "公示矩阵");
        RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, noticed, Duration.ofDays(7), "甲", "乙", "丙");
        values.put("C2", noticed.code());
        values.put("N", String.valueOf(notice.id()));
        values.put("NC", notice.code());
        Api.Reply objection = api.post("/api/v1/notices/public/" + notice.code() + "/objections", """
                {"realName":"张建国","phone":"13900007777","entry":"R1-002","reasons":"该作品所述事件与事实不符，当事人另有其人。"}""",
                null, null);
        assertEquals(201, objection.status(), objection.body());
        values.put("RCPT", objection.json().getString("receiptNo"));
        values.put("O", String.valueOf(api.get("/api/v1/notices/" + notice.id() + "/objections", organiser, null)
                .structure().asJsonArray().getJsonObject(0).getJsonNumber("id").longValue()));
        long column = ColumnFixture.publish(api, organiser, noticed.code(),
                RoundFixture.acceptedEntry(api, organiser, noticed, "专栏故事"), false);
        values.put("COL", String.valueOf(column));

        RoundFixture.ContestRef finished = RoundFixture.contest(api, organiser, "证书矩阵");
        RoundFixture.NoticeRef closing = RoundFixture.publishedNotice(api, organiser, finished, Duration.ofSeconds(3), "丁", "戊", "己");
        values.put("C3", finished.code());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), closing.endsAt()).toMillis() + 500));
        assertEquals(200, api.post("/api/v1/notices/" + closing.id() + "/finalise", "", organiser, null).status());
        assertEquals(200, api.put("/api/v1/certificates/template?contest=" + finished.code(), """
                {"title":"荣誉证书","body":"{name}同志：你的作品《{work}》荣获“{award}”称号。","award":"最美禁毒故事",
                 "issuer":"衡阳县禁毒委员会","issuedOn":"2021-06-26"}""", organiser).status());
        values.put("SER", api.post("/api/v1/certificates/issue?contest=" + finished.code(), "", organiser, null).structure()
                .asJsonArray().getJsonObject(0).getString("serial"));
        String location = api.post("/api/v1/certificates/batches?contest=" + finished.code(), "", organiser, null).raw()
                .headers().firstValue("Location").orElseThrow();
        values.put("JOB", location.substring(location.lastIndexOf('/') + 1));
        JsonObject level = api.post("/api/v1/prizes/levels?contest=" + finished.code(), "{\"name\":\"一等奖\",\"amount\":1000}",
                organiser, null).json();
        values.put("LVL", String.valueOf(level.getJsonNumber("id").longValue()));
        values.put("PRZ", String.valueOf(api.post("/api/v1/prizes/levels/" + values.get("LVL") + "/award?contest=" + finished.code(),
                "", organiser, null).structure().asJsonArray().getJsonObject(0).getJsonNumber("id").longValue()));

        // A campaign: township A is enrolled and reported a task to the office the reviewer works for.
        CampaignFixture campaign = new CampaignFixture(api);
        values.put("CAMP", campaign.code);
        long office = campaign.office("信息科");
        values.put("OFFICE", String.valueOf(office));
        String reviewer = campaign.reviewer(office);
        identity("reviewer", reviewer, api.token(reviewer, CampaignFixture.PASSWORD));
        campaign.enrol(townA.name());
        long task = campaign.task("发布禁毒宣传信息", "\"信息科\"", null, null, null, LocalDate.now().plusDays(10).toString());
        values.put("TASK", String.valueOf(task));
        Api.Reply report = api.post(campaign.path("/tasks/" + task + "/report"), "{\"text\":\"已发布 3 条\"}", tokens.get("unitA"), null);
        assertEquals(200, report.status(), report.body());
        values.put("REPORT", String.valueOf(report.json().getJsonNumber("id").longValue()));
        values.put("CAMPUNIT", String.valueOf(api.get("/api/v1/me", tokens.get("unitA"), null).json().getJsonNumber("unitId").longValue()));

        identity("organiser", "organiser", organiser);
        identity("admin", "admin", api.token("admin", "Laurel2026"));
        usernames.put("anon", null);
    }

    /** The password each identity logs in with on the pages. */
    String passwordOf(String identity) {
        return switch (identity) {
            case "organiser", "admin" -> "Laurel2026";
            case "citizenA", "citizenB" -> PASSWORD;
            case "reviewer" -> CampaignFixture.PASSWORD;
            default -> RoundFixture.PASSWORD;
        };
    }

    String fill(String text) {
        String filled = text;
        for (var value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    /** One byte for PATCH /uploads/{id}: enough to ask whether the caller may write to that upload at all. */
    static HttpRequest.BodyPublisher oneByte() {
        return HttpRequest.BodyPublishers.ofByteArray(new byte[]{1});
    }

    private void identity(String name, String username, String token) {
        tokens.put(name, token);
        usernames.put(name, username);
    }

    private static long scorecardOf(Api api, String judge, String title) throws Exception {
        return JudgingRulesIT.cards(api, judge).stream().filter(c -> c.getString("title").equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no scorecard for 《" + title + "》")).getJsonNumber("scorecardId").longValue();
    }
}
