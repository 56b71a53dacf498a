package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through the API as through the page: publishing with a text saves and publishes it in one step (an invalid one
 * publishes nothing), and a published notice is corrected under the same rules, shown with its date, and audited.
 */
@ExtendWith(LaurelServerExtension.class)
class NoticeCorrectionIT {

    @Test
    void theApiPublishesTheTextItIsGivenAndCorrectsItInTheOpen(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        NoticeFixture.ClosedRound closed = NoticeFixture.closedRound(api, organiser, "山村新风", "戒毒之后");
        JsonObject draft = api.post("/api/v1/notices", "{\"roundId\":%d}".formatted(closed.round()), organiser, null).json();
        long id = draft.getJsonNumber("id").longValue();
        String code = draft.getString("shortCode");
        Instant starts = Instant.parse(draft.getString("startsAt"));
        Instant ends = starts.plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        String text = """
                {"title":"%s","body":"%s","order":"RANK","startsAt":"%s","endsAt":"%s","contact":"%s"}""";

        Api.Reply invalid = api.post("/api/v1/notices/" + id + "/publish",
                text.formatted("关于山村评选结果的公示", "现予公示。", starts, starts.minusSeconds(60), "县禁毒办"),
                organiser, null);
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals("endsAt", invalid.json().getJsonArray("fields").getJsonObject(0).getString("field"));
        assertEquals(404, api.get("/api/v1/notices/public/" + code, null, null).status(), "nothing was published");

        Api.Reply published = api.post("/api/v1/notices/" + id + "/publish",
                text.formatted("关于山村评选结果的公示", "现予公示。", starts, ends, "县禁毒办 0734-1234567"), organiser, null);
        assertEquals(200, published.status(), published.body());
        JsonObject shown = api.get("/api/v1/notices/public/" + code, null, null).json();
        assertEquals(ends.toString(), shown.getString("endsAt"), "the period given with publishing");
        assertEquals("关于山村评选结果的公示", shown.getString("title"));
        assertEquals(409, api.put("/api/v1/notices/" + id, text.formatted("改", "改", starts, ends, "x"), organiser).status(),
                "a published notice is not edited in silence");

        String corrections = "/api/v1/notices/" + id + "/corrections";
        Api.Reply shortened = api.post(corrections, "{\"endsAt\":\"%s\",\"reason\":\"提前结束\"}".formatted(ends.minusSeconds(3600)),
                organiser, null);
        assertEquals(400, shortened.status(), shortened.body());
        assertTrue(shortened.json().getJsonArray("fields").getJsonObject(0).getString("message").contains("不能缩短"), shortened.body());
        assertEquals(400, api.post(corrections, "{\"contact\":\"县禁毒办 0734-8888888\"}", organiser, null).status(), "no reason");
        assertEquals(401, api.post(corrections, "{\"contact\":\"x\",\"reason\":\"y\"}", null, null).status());

        Instant extended = ends.plus(Duration.ofDays(2));
        Api.Reply corrected = api.post(corrections, """
                {"endsAt":"%s","contact":"县禁毒办 0734-8888888","reason":"延长公示期"}""".formatted(extended), organiser, null);
        assertEquals(201, corrected.status(), corrected.body());
        shown = api.get("/api/v1/notices/public/" + code, null, null).json();
        assertEquals(extended.toString(), shown.getString("endsAt"));
        assertEquals("县禁毒办 0734-8888888", shown.getString("contact"));
        assertEquals("现予公示。", shown.getString("body"), "what was not given stays");
        JsonObject correction = shown.getJsonArray("corrections").getJsonObject(0);
        assertTrue(correction.getString("text").contains("更正：延长公示期"), correction.toString());
        assertTrue(correction.getString("text").contains("0734-8888888"), correction.toString());
        assertTrue(Instant.parse(correction.getString("at")).isAfter(starts.minus(Duration.ofDays(2))), correction.toString());

        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement(
                "select actor, detail from audit_event where action = 'NOTICE_CORRECTED' and subject = ?")) {
            q.setString(1, "notice:" + id);
            try (ResultSet row = q.executeQuery()) {
                assertTrue(row.next(), "the correction is audited");
                assertEquals("organiser", row.getString(1));
                assertTrue(row.getString(2).contains("延长公示期"));
            }
        }
    }
}
