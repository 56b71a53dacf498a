package app.laurel.it;

import app.laurel.submission.CopiedStories;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pre-selection by a township, the organiser's screening, the quota board and 查重, through the API. */
@ExtendWith(LaurelServerExtension.class)
class ScreeningApiIT {

    private static final String PASSWORD = "Screen2026ing";
    private static final String STORY = "<p>" + "老周是社区禁毒专干，二十年来走访了上百户家庭，帮助许多人走出毒品的阴影。".repeat(12) + "</p>";

    private TestServer server;
    private Api api;
    private String organiser;
    /** A contest like the demo contest, of this test's own. */
    private String contest;

    @BeforeEach
    void connect(TestServer server) throws Exception {
        this.server = server;
        this.api = new Api(server);
        this.organiser = api.token("organiser", "Laurel2026");
        this.contest = ContestFixture.likeTheDemo(api, organiser);
    }

    @Test
    void aTownshipRecommendsACitizensEntryUpToItsQuotaAndTheBoardShowsIt() throws Exception {
        String townshipName = "测试镇" + Api.uniqueName("");
        String townshipAdmin = Api.uniqueName("town");
        Api.Reply created = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"联络员","role":"UNIT_ADMIN","unitName":"%s","unitType":"TOWNSHIP","initialPassword":"%s"}"""
                .formatted(townshipAdmin, townshipName, PASSWORD), organiser, null);
        assertEquals(201, created.status(), created.body());
        long townshipId = enrol(townshipName);
        String unitToken = api.token(townshipAdmin, PASSWORD);

        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        JsonObject first = submit(citizen, "推选一" + Api.uniqueName(""), STORY + "<p>一</p>", townshipId);
        JsonObject second = submit(api.token(api.registerCitizen(PASSWORD), PASSWORD), "推选二" + Api.uniqueName(""),
                "<p>" + "她在戒毒所里学会了缝纫，出所后开了一家裁缝铺，还带着几位姐妹一起创业就业。".repeat(12) + "</p>", townshipId);

        JsonArray candidates = api.get("/api/v1/recommendations/" + contest + "/candidates", unitToken, null).structure().asJsonArray();
        assertEquals(2, candidates.size(), "both entries naming the township are candidates");
        assertEquals(0, api.get("/api/v1/recommendations/" + contest + "/quota", unitToken, null).json().getInt("counted"));

        Api.Reply recommended = api.post("/api/v1/recommendations/" + contest + "/" + id(first), "", unitToken, null);
        assertEquals(200, recommended.status(), recommended.body());
        assertTrue(recommended.json().containsKey("recommended") && recommended.json().getBoolean("recommended"), recommended.body());
        Api.Reply full = api.post("/api/v1/recommendations/" + contest + "/" + id(second), "", unitToken, null);
        assertEquals(409, full.status());
        assertTrue(full.json().getString("message").contains(townshipName + " 的报送名额（1 个）已满"), full.body());

        JsonObject line = quotaLine(townshipName);
        assertEquals(1, line.getInt("counted"));
        assertEquals(1, line.getInt("min"));
        assertEquals(JsonValue.FALSE, line.get("belowMinimum"), line.toString());

        String stranger = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        assertEquals(403, api.get("/api/v1/screening/" + contest + "/quota", stranger, null).status());
        assertEquals(403, api.get("/api/v1/recommendations/" + contest + "/candidates", stranger, null).status());
    }

    @Test
    void aUnitSubmitsForAnAuthorUpToItsQuotaAndAnExtensionIsAudited() throws Exception {
        String unitName = "测试单位" + Api.uniqueName("");
        String admin = Api.uniqueName("mem");
        assertEquals(201, api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"联络员","role":"UNIT_ADMIN","unitName":"%s","unitType":"MEMBER","initialPassword":"%s"}"""
                .formatted(admin, unitName, PASSWORD), organiser, null).status());
        long unitId = enrol(unitName);
        String unitToken = api.token(admin, PASSWORD);

        String body = draftJson("单位报送" + Api.uniqueName(""), STORY, null)
                .replaceFirst("\\{", "{\"contest\":\"" + contest + "\",\"type\":\"STORY\",\"authorName\":\"王警官\",");
        Api.Reply first = api.post("/api/v1/entries", body, unitToken, null);
        assertEquals(201, first.status(), first.body());
        assertEquals(unitName, first.json().getString("unit"));
        assertEquals("王警官", first.json().getString("authorName"));
        assertEquals(200, api.post("/api/v1/entries/" + id(first.json()) + "/submit", "", unitToken, null).status());

        Api.Reply second = api.post("/api/v1/entries", body, unitToken, null);
        Api.Reply full = api.post("/api/v1/entries/" + id(second.json()) + "/submit", "", unitToken, null);
        assertEquals(409, full.status());
        assertTrue(full.json().getString("message").contains("报送名额（1 个）已满"), full.body());

        String extensions = "/api/v1/screening/" + contest + "/extensions";
        assertEquals(400, api.post(extensions, "{\"unitId\":%d,\"until\":\"2020-01-01T00:00:00Z\",\"reason\":\"迟交\"}"
                .formatted(unitId), organiser, null).status(), "an extension must end in the future");
        assertEquals(204, api.post(extensions, "{\"unitId\":%d,\"until\":\"%s\",\"reason\":\"防汛任务，推迟两天\"}"
                .formatted(unitId, java.time.Instant.now().plus(java.time.Duration.ofDays(30))), organiser, null).status());
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement(
                "select count(*) from audit_event where action = 'DEADLINE_EXTENDED' and actor = 'organiser' and detail like ?")) {
            q.setString(1, "%防汛任务%");
            try (java.sql.ResultSet rows = q.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1), "the extension and its reason are in the audit trail");
            }
        }
    }

    @Test
    void organiserReturnsAnEntryTheCitizenFixesAndResubmitsThenItIsAccepted() throws Exception {
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        String title = "待审" + Api.uniqueName("");
        JsonObject entry = submit(citizen, title, STORY + "<p>" + title + "</p>", null);
        String receipt = entry.getString("receiptNo");

        JsonArray found = api.get("/api/v1/screening/" + contest + "/entries?q=" + title + "&status=SUBMITTED", organiser, null)
                .structure().asJsonArray();
        assertEquals(1, found.size(), "text search finds the entry by title");
        String decision = "/api/v1/screening/" + contest + "/entries/" + id(entry) + "/decision";
        Api.Reply noReason = api.post(decision, "{\"decision\":\"RETURN\"}", organiser, null);
        assertEquals(400, noReason.status(), "returning needs a reason");
        assertEquals(200, api.post(decision, "{\"decision\":\"RETURN\",\"reason\":\"请补充故事发生的时间和地点\"}", organiser, null).status());

        JsonObject returned = api.get("/api/v1/entries/" + id(entry), citizen, null).json();
        assertEquals("RETURNED", returned.getString("status"));
        assertEquals("请补充故事发生的时间和地点", returned.getString("statusReason"));
        assertEquals(200, api.put("/api/v1/entries/" + id(entry), draftJson(title, STORY + "<p>2021年6月，西渡镇。</p>", null), citizen).status());
        Api.Reply resubmitted = api.post("/api/v1/entries/" + id(entry) + "/submit", "", citizen, null);
        assertEquals(200, resubmitted.status(), resubmitted.body());
        assertEquals(receipt, resubmitted.json().getString("receiptNo"), "the receipt number stays the same");

        assertEquals("ACCEPTED", api.post(decision, "{\"decision\":\"ACCEPT\"}", organiser, null).json().getString("status"));
        assertEquals(409, api.post("/api/v1/entries/" + id(entry) + "/withdraw", "", citizen, null).status(),
                "an accepted entry can no longer be withdrawn");
        assertEquals(409, api.post(decision, "{\"decision\":\"REJECT\",\"reason\":\"x\"}", organiser, null).status());
    }

    @Test
    void severalEntriesAreDecidedAtOnceWithOneReasonAndOnesDecidedMeanwhileAreLeftAlone() throws Exception {
        List<JsonObject> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String title = "批量" + i + Api.uniqueName("");
            entries.add(submit(api.token(api.registerCitizen(PASSWORD), PASSWORD), title, STORY + "<p>" + title + "</p>", null));
        }
        String decisions = "/api/v1/screening/" + contest + "/decisions";
        String two = "[" + id(entries.get(0)) + "," + id(entries.get(1)) + "]";
        Api.Reply noReason = api.post(decisions, "{\"entries\":" + two + ",\"decision\":\"RETURN\"}", organiser, null);
        assertEquals(400, noReason.status(), noReason.body());
        assertTrue(noReason.body().contains("reason"), noReason.body());
        assertEquals(400, api.post(decisions, "{\"entries\":[],\"decision\":\"ACCEPT\"}", organiser, null).status(),
                "nothing chosen");
        assertEquals(404, api.post(decisions, "{\"entries\":[" + id(entries.get(0)) + ",999999999],\"decision\":\"ACCEPT\"}",
                organiser, null).status(), "an entry not of this contest refuses the whole request");
        assertEquals("SUBMITTED", status(entries.get(0)), "nothing was decided");

        JsonObject returned = api.post(decisions, "{\"entries\":" + two + ",\"decision\":\"RETURN\",\"reason\":\"请补充时间和地点\"}",
                organiser, null).json();
        assertEquals(2, returned.getJsonArray("decided").size(), returned.toString());
        assertEquals("RETURNED", status(entries.get(0)));
        assertEquals("RETURNED", status(entries.get(1)));
        JsonObject accepted = api.post(decisions, "{\"entries\":[" + id(entries.get(1)) + "," + id(entries.get(2))
                + "],\"decision\":\"ACCEPT\"}", organiser, null).json();
        assertEquals(List.of(id(entries.get(2))), accepted.getJsonArray("decided").getValuesAs(jakarta.json.JsonNumber.class)
                .stream().map(jakarta.json.JsonNumber::longValue).toList());
        assertEquals(List.of(entries.get(1).getString("receiptNo")), accepted.getJsonArray("skipped")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList(),
                "an entry decided meanwhile is reported, not overwritten");
        assertEquals("RETURNED", status(entries.get(1)));
        assertEquals("ACCEPTED", status(entries.get(2)));
    }

    private String status(JsonObject entry) throws Exception {
        return api.get("/api/v1/screening/" + contest + "/entries?q=" + entry.getString("title"), organiser, null)
                .structure().asJsonArray().getJsonObject(0).getString("status");
    }

    @Test
    void aCopiedStoryIsFlaggedAgainstTheOriginal() throws Exception {
        String marker = Api.uniqueName("");
        String original = "<p>禁毒志愿者小李每个周末都到学校讲课，用亲身经历告诉孩子们毒品的危害。" + marker
                + "他曾经在戒毒所度过两年，出所后在社区禁毒专干的帮助下找到了工作。"
                + "如今他是县禁毒志愿服务团的骨干，三年来走进二十多所中小学，听过他讲课的学生超过一万人。"
                + "他说，只要还有一个孩子因为他的故事远离毒品，他就会一直讲下去。"
                + "去年冬天，他冒着大雪赶到偏远的山村小学，孩子们围着他问了一个下午的问题。"
                + "学校的老师说，小李的课比任何教材都管用，因为那是真实的人生。"
                + "他的母亲至今记得儿子回家那天的样子，她说那是她这辈子最高兴的一天。"
                + "社区为他办了一场小小的欢迎会，邻居们送来了饺子和鞭炮，也送来了信任。"
                + "后来他把自己的经历写成了一本小册子，在全县的禁毒宣传活动中免费发放。"
                + "有人问他为什么愿意把最不光彩的过去讲给别人听，他说因为沉默救不了任何人。"
                + "他希望更多的家庭知道，戒毒很难，但只要有人拉一把，就有回头的路。"
                + "今年六月，他被推荐参加全县最美禁毒故事的评选，他说这份荣誉属于所有帮助过他的人。</p>";
        JsonObject first = submit(api.token(api.registerCitizen(PASSWORD), PASSWORD), "原作" + marker, original, null);
        JsonObject copy = submit(api.token(api.registerCitizen(PASSWORD), PASSWORD), "抄袭" + marker,
                original.replace("每个周末", "每逢周末"), null);
        DuplicateChecks.awaitChecked(server, id(first), id(copy));

        JsonArray flags = api.get("/api/v1/screening/" + contest + "/duplicates", organiser, null).structure().asJsonArray();
        JsonObject pair = flags.stream().map(JsonValue::asJsonObject)
                .filter(f -> f.getJsonNumber("entryA").longValue() == id(copy)).findFirst()
                .orElseThrow(() -> new AssertionError("no flag for the copy in " + flags));
        assertEquals(id(first), pair.getJsonNumber("entryB").longValue());
        assertTrue(pair.getJsonNumber("score").doubleValue() >= 0.8, pair.toString());
    }

    @Test
    void aUnitsStoryCopyingSixtyPercentOfACitizensIsFlaggedWithTheSharedPassagesAFortyPercentOverlapIsNot() throws Exception {
        String marker = Api.uniqueName("");
        JsonObject original = submit(api.token(api.registerCitizen(PASSWORD), PASSWORD), "原作" + marker,
                paragraphs(CopiedStories.original()), null);
        String unitName = "查重单位" + marker;
        String admin = Api.uniqueName("dup");
        assertEquals(201, api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"联络员","role":"UNIT_ADMIN","unitName":"%s","unitType":"MEMBER","initialPassword":"%s"}"""
                .formatted(admin, unitName, PASSWORD), organiser, null).status());
        enrol(unitName);
        // 60 % of the unit's story is seven of the citizen's sentences, retyped with half-width punctuation and
        // line breaks: a Jaccard index of about 0.4, which the old check (≥ 0.8) let through.
        Api.Reply created = api.post("/api/v1/entries", draftJson("六成" + marker, paragraphs(CopiedStories.copying(0.60, 2, 7)), null)
                .replaceFirst("\\{", "{\"contest\":\"" + contest + "\",\"type\":\"STORY\",\"authorName\":\"李干事\","), api.token(admin, PASSWORD), null);
        assertEquals(201, created.status(), created.body());
        Api.Reply copy = api.post("/api/v1/entries/" + id(created.json()) + "/submit", "", api.token(admin, PASSWORD), null);
        assertEquals(200, copy.status(), copy.body());
        JsonObject partial = submit(api.token(api.registerCitizen(PASSWORD), PASSWORD), "四成" + marker,
                paragraphs(CopiedStories.copying(0.40, 9, 5, 6)), null);
        DuplicateChecks.awaitChecked(server, id(original), id(copy.json()), id(partial));

        JsonArray flags = api.get("/api/v1/screening/" + contest + "/duplicates", organiser, null).structure().asJsonArray();
        JsonObject flag = flags.stream().map(JsonValue::asJsonObject)
                .filter(f -> f.getJsonNumber("entryA").longValue() == id(copy.json()) && f.getJsonNumber("entryB").longValue() == id(original))
                .findFirst().orElseThrow(() -> new AssertionError("the 60 % copy is not flagged: " + flags));
        double score = flag.getJsonNumber("score").doubleValue();
        assertTrue(score >= 0.60 && score < 0.65, "containment of the copy: " + score);
        assertEquals("六成" + marker, flag.getString("titleA"));
        assertTrue(flags.stream().map(JsonValue::asJsonObject).noneMatch(f -> f.getJsonNumber("entryA").longValue() == id(partial)
                || f.getJsonNumber("entryB").longValue() == id(partial)), "a 40 % overlap is not a duplicate: " + flags);

        JsonObject pair = api.get("/api/v1/screening/" + contest + "/duplicates/" + flag.getJsonNumber("id"), organiser, null).json();
        assertEquals(id(original), pair.getJsonNumber("otherEntryId").longValue());
        JsonObject first = pair.getJsonArray("passages").getJsonObject(0);
        assertTrue(first.getString("here").startsWith("二〇一九年春天, 刚从强制隔离戒毒所出来的小刘"), "as the unit typed it: " + first);
        assertTrue(first.getString("there").startsWith("二〇一九年春天，刚从强制隔离戒毒所出来的小刘"), "as the citizen wrote it: " + first);
        assertTrue(first.getString("here").contains("８家") && first.getString("there").contains("8家"), first.toString());

        JsonArray ofOriginal = api.get("/api/v1/screening/" + contest + "/entries/" + id(original) + "/duplicates", organiser, null)
                .structure().asJsonArray();
        JsonObject fromOriginal = ofOriginal.stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getJsonNumber("otherEntryId").longValue() == id(copy.json())).findFirst()
                .orElseThrow(() -> new AssertionError("the original's page does not show the copy: " + ofOriginal));
        assertTrue(fromOriginal.getJsonArray("passages").getJsonObject(0).getString("here").startsWith("二〇一九年春天，刚从"));
        assertEquals(404, api.get("/api/v1/screening/HYKT2021/duplicates/" + flag.getJsonNumber("id"), organiser, null).status(),
                "a flag is found only under its own contest");
        assertEquals(404, api.get("/api/v1/screening/HYKT2021/entries/" + id(original) + "/duplicates", organiser, null)
                .status(), "an entry's duplicates are found only under its own contest");
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        assertEquals(403, api.get("/api/v1/screening/" + contest + "/duplicates/" + flag.getJsonNumber("id"), citizen, null).status());
    }

    /** A retyped text's lines as the editor's paragraphs. */
    static String paragraphs(String text) {
        return "<p>" + text.strip().replace("\n", "</p><p>") + "</p>";
    }

    private JsonObject submit(String token, String title, String body, Long townshipId) throws Exception {
        Api.Reply created = api.post("/api/v1/entries", draftJson(title, body, townshipId).replaceFirst("\\{", "{\"contest\":\"" + contest + "\",\"type\":\"STORY\","), token, null);
        assertEquals(201, created.status(), created.body());
        Api.Reply submitted = api.post("/api/v1/entries/" + id(created.json()) + "/submit", "", token, null);
        assertEquals(200, submitted.status(), submitted.body());
        return submitted.json();
    }

    private String draftJson(String title, String body, Long townshipId) throws Exception {
        long category = api.get("/api/v1/contests/" + contest, null, null).json().getJsonArray("categories")
                .getJsonObject(1).getJsonNumber("id").longValue();
        return "{\"categoryId\":%d,\"title\":\"%s\",\"bodyHtml\":%s,\"originalityDeclared\":true,\"displayConsent\":true%s}"
                .formatted(category, title, jakarta.json.Json.createValue(body), townshipId == null ? "" : ",\"townshipId\":" + townshipId);
    }

    private long enrol(String unitName) throws Exception {
        server.enrol(contest, unitName);
        return api.get("/api/v1/contests/" + contest, null, null).json().getJsonArray("units").stream()
                .map(JsonValue::asJsonObject).filter(u -> u.getString("name").equals(unitName))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private JsonObject quotaLine(String unitName) throws Exception {
        return api.get("/api/v1/screening/" + contest + "/quota", organiser, null).structure().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(l -> l.getString("unitName").equals(unitName))
                .findFirst().orElseThrow();
    }

    private static long id(JsonObject entry) {
        return entry.getJsonNumber("id").longValue();
    }
}
