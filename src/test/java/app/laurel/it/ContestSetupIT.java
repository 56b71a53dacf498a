package app.laurel.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An organiser sets up a contest and enrols a unit through the API; bad set-ups are refused whole. */
@ExtendWith(LaurelServerExtension.class)
class ContestSetupIT {

    private TestServer server;
    private Api api;
    private String organiser;

    @BeforeEach
    void connect(TestServer server) throws Exception {
        this.server = server;
        this.api = new Api(server);
        this.organiser = api.token("organiser", "Laurel2026");
    }

    @Test
    void organiserCreatesAContestThatTakesEntriesAndEnrolsAUnit() throws Exception {
        String code = "T" + Api.uniqueName("").toUpperCase(Locale.ROOT).substring(0, 8);
        Instant now = Instant.now();
        Api.Reply created = api.post("/api/v1/contests", settings(code, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)),
                "[\"缉毒执法案例\",\"禁毒志愿者\"]"), organiser, null);
        assertEquals(201, created.status(), created.body());
        JsonObject contest = api.get("/api/v1/contests/" + code, null, null).json();
        assertTrue(contest.getBoolean("acceptingEntries"));
        assertEquals(2, contest.getJsonArray("categories").size());
        assertEquals(800, contest.getJsonArray("rules").getJsonObject(0).getInt("maxChars"));

        Api.Reply changed = api.put("/api/v1/contests/" + code, settings(code, now.minus(Duration.ofHours(2)), now.plus(Duration.ofDays(9)),
                "[\"缉毒执法案例\",\"禁毒志愿者\",\"最美禁毒人事迹\"]").replace("\"maxChars\":800", "\"maxChars\":900"), organiser);
        assertEquals(200, changed.status(), "the same phases and rules can be saved again, changed in place: " + changed.body());
        assertEquals(900, changed.json().getJsonArray("rules").getJsonObject(0).getInt("maxChars"));
        assertEquals(3, changed.json().getJsonArray("categories").size());

        String unitName = "测试成员单位" + Api.uniqueName("");
        assertEquals(201, api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"联络员","role":"UNIT_ADMIN","unitName":"%s","unitType":"POLITICAL_LEGAL","initialPassword":"Unit2026quota"}"""
                .formatted(Api.uniqueName("pol"), unitName), organiser, null).status());
        Api.Reply enrolled = api.post("/api/v1/contests/" + code + "/units", "{\"unitId\":" + unitId(unitName) + "}", organiser, null);
        assertEquals(200, enrolled.status(), enrolled.body());
        JsonObject line = api.get("/api/v1/screening/" + code + "/quota", organiser, null).structure().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(l -> l.getString("unitName").equals(unitName)).findFirst().orElseThrow();
        assertEquals(2, line.getInt("min"), "a political-legal unit's default quota: at least 2");
        assertTrue(line.getBoolean("belowMinimum"));
    }

    @Test
    void aBadSetUpIsRefusedWithEveryProblemAndCreatesNothing() throws Exception {
        Instant now = Instant.now();
        Api.Reply refused = api.post("/api/v1/contests", settings("bad code", now, now.minusSeconds(60), "[]"), organiser, null);
        assertEquals(400, refused.status());
        String fields = refused.json().getJsonArray("fields").toString();
        assertTrue(fields.contains("活动代码为 2～16 位大写字母或数字"), fields);
        assertTrue(fields.contains("截止时间必须晚于开始时间"), fields);
        assertTrue(fields.contains("请至少设置一个作品类别"), fields);
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement("select count(*) from contest where code = ?")) {
            q.setString(1, "bad code");
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                assertEquals(0, rows.getInt(1));
            }
        }
        String citizen = api.token(api.registerCitizen("Citizen2026x"), "Citizen2026x");
        assertEquals(403, api.post("/api/v1/contests", settings("TNOPE", now, now.plusSeconds(60), "[\"a\"]"), citizen, null).status());
    }

    private static String settings(String code, Instant start, Instant end, String categories) {
        return """
                {"code":"%s","title":"测试活动","theme":"测试","organisingBody":"县禁毒委员会",
                 "phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"}},
                 "categories":%s,"story":{"minChars":10,"maxChars":800,"maxImages":3,"attachmentAllowed":false},
                 "publicEntryLimit":2}""".formatted(code, start, end, categories);
    }

    private long unitId(String name) throws Exception {
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement("select id from unit where name = ?")) {
            q.setString(1, name);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
