package app.laurel.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A township's administrator lists and downloads the certificate of a winning entry that named the township (it
 * answered 500: the unit was bound to {@code :unit is not null}), and the verification page answers an unknown
 * serial with 404 on the same page.
 */
@ExtendWith(LaurelServerExtension.class)
class UnitCertificatesIT {

    private static final String PASSWORD = RoundFixture.PASSWORD;

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
    void aTownshipListsAndDownloadsTheCertificateOfAWinnerThatNamedIt() throws Exception {
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        RoundFixture.Township township = RoundFixture.township(api, server, organiser, contest.code());
        RoundFixture.acceptedNaming(api, organiser, contest.code(), contest.category(), "镇上的禁毒课", township.id());
        RoundFixture.acceptedEntry(api, organiser, contest, "另一篇");

        String serial = certificateOf(server, api, organiser, contest.code(), "镇上的禁毒课");
        String unitAdmin = api.token(township.admin(), PASSWORD);
        Api.Reply mine = api.get("/api/v1/certificates/mine", unitAdmin, null);
        assertEquals(200, mine.status(), mine.body());
        assertTrue(mine.body().contains(serial), "the township sees the certificate of the entry that named it: " + mine.body());
        byte[] pdf = api.bytes("/api/v1/certificates/" + serial + "/pdf", unitAdmin);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));

        Api.Reply demoTownship = api.get("/api/v1/certificates/mine", api.token("xidu", "Laurel2026"), null);
        assertEquals(200, demoTownship.status(), demoTownship.body());
        assertFalse(demoTownship.body().contains(serial), "another township does not");
        assertEquals(404, api.get("/api/v1/certificates/" + serial + "/pdf", api.token("xidu", "Laurel2026"), null).status());
    }

    @Test
    void theVerificationPageAnswersAnUnknownSerialWith404OnTheSamePage() throws Exception {
        Api.Reply unknown = api.get("/verify/HY2021-0000-0000-0000", null, null);
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("查无此证书") && unknown.body().contains("id=\"verifyStatus\""), unknown.body());
        assertEquals(404, api.get("/verify.xhtml?serial=HY2021-0000-0000-0000", null, null).status());
        assertEquals(404, api.get("/api/v1/certificates/verify/HY2021-0000-0000-0000", null, null).status());
    }

    /** Runs the contest to its result (two judges, a notice of a few seconds) and issues certificates; one's serial. */
    static String certificateOf(TestServer server, Api api, String organiser, String code, String work) throws Exception {
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 2);
        long round = JudgingRulesIT.createRound(api, organiser, code, "\"mode\":\"ALL\",\"method\":\"MEAN\",\"selectCount\":2", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        for (String token : judges.values()) {
            for (JsonObject card : JudgingRulesIT.cards(api, token)) {
                String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
                assertEquals(200, api.put(path, RoundFixture.split(80), token).status());
                assertEquals(200, api.post(path + "/submit", "", token, null).status());
            }
        }
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/close", "", organiser, null).status());
        Api.Reply drafted = api.post("/api/v1/notices", "{\"roundId\":%d}".formatted(round), organiser, null);
        assertEquals(201, drafted.status(), drafted.body());
        long notice = drafted.json().getJsonNumber("id").longValue();
        Instant now = Instant.now();
        Instant ends = now.plus(Duration.ofMinutes(1));
        assertEquals(200, api.put("/api/v1/notices/" + notice, """
                {"title":"公示","body":"现予公示。","order":"RANK","startsAt":"%s","endsAt":"%s","contact":"县禁毒办"}"""
                .formatted(now.minusSeconds(60), ends), organiser).status());
        assertEquals(200, api.post("/api/v1/notices/" + notice + "/publish", "", organiser, null).status());
        server.moveClockPast(ends);
        Api.Reply finalised = api.post("/api/v1/notices/" + notice + "/finalise", "", organiser, null);
        assertEquals(200, finalised.status(), finalised.body());
        assertEquals(200, api.put("/api/v1/certificates/template?contest=" + code, """
                {"title":"荣誉证书","body":"{name}：作品《{work}》荣获“{award}”。","award":"最美禁毒故事","issuer":"县禁毒委员会","issuedOn":"2021-06-26"}""",
                organiser).status());
        JsonArray issued = api.post("/api/v1/certificates/issue?contest=" + code, "", organiser, null).structure().asJsonArray();
        return issued.stream().map(JsonValue::asJsonObject).filter(c -> c.getString("work").equals(work))
                .findFirst().orElseThrow(() -> new AssertionError("no certificate for " + work + " in " + issued)).getString("serial");
    }
}
