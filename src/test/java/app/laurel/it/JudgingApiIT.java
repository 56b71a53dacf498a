package app.laurel.it;

import app.laurel.judging.AggregationMethod;
import app.laurel.judging.IndependentRecount;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A round from set-up to close through the API: a judge never gets their own unit's entry, sees entries blind,
 * scores in half points within the rubric, and the closed ranking is the trimmed mean worked out by hand.
 */
@ExtendWith(LaurelServerExtension.class)
class JudgingApiIT {

    private static final String PASSWORD = RoundFixture.PASSWORD;

    @TempDir
    Path dir;

    @Test
    void aRoundSentWithoutRulesOrRubricTakesTheDefaultsTheSetupPageStartsWith(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "默认规则");
        RoundFixture.acceptedEntry(api, organiser, contest, "默认规则的作品");
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 3);
        Api.Reply created = api.post("/api/v1/rounds", """
                {"contest":"%s","name":"初评","mode":"BALANCED","judges":["%s"]}"""
                .formatted(contest.code(), String.join("\",\"", judges.keySet())), organiser, null);
        assertEquals(201, created.status(), "numbers and rubric left out take their defaults: " + created.body());
        JsonObject round = created.json();
        assertEquals(3, round.getInt("judgesPerEntry"));
        assertEquals("TRIMMED_MEAN", round.getString("method"));
        assertEquals(1, round.getInt("selectCount"), "ten, or every entry when fewer: the round has one");
        assertEquals(List.of("思想性:30", "真实性:30", "感染力:20", "表现力:20"), round.getJsonArray("criteria").stream()
                .map(JsonValue::asJsonObject).map(c -> c.getString("name") + ":" + c.getInt("maxPoints")).toList());
        assertTrue(round.getJsonArray("criteria").getJsonObject(0).getBoolean("primary"));

        Api.Reply impossible = api.post("/api/v1/rounds", """
                {"contest":"%s","name":"复评","mode":"ALL","selectCount":102,"judges":["%s"]}"""
                .formatted(contest.code(), judges.keySet().iterator().next()), organiser, null);
        assertEquals(400, impossible.status(), "102 of one entry is refused as the page refuses it: " + impossible.body());
        assertTrue(impossible.body().contains("selectCount") && impossible.body().contains("本轮参评作品共 1 件"), impossible.body());
    }

    @Test
    void aRoundIsScoredBlindAndClosesWithTheTrimmedMeanRanking(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        String code = "J" + Api.uniqueName("").toUpperCase(Locale.ROOT).substring(0, 8);
        Instant now = Instant.now();
        assertEquals(201, api.post("/api/v1/contests", """
                {"code":"%s","title":"评审测试","phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"}},
                 "categories":["禁毒志愿者"],"story":{"minChars":10,"maxChars":2000,"maxImages":2,"attachmentAllowed":false}}"""
                .formatted(code, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3))), organiser, null).status());
        long category = api.get("/api/v1/contests/" + code, null, null).json().getJsonArray("categories")
                .getJsonObject(0).getJsonNumber("id").longValue();

        String unitName = "评审测试单位" + Api.uniqueName("");
        String unitAdmin = Api.uniqueName("ua");
        RoundFixture.account(api, organiser, unitAdmin, "UNIT_ADMIN", unitName);
        server.enrol(code, unitName);
        List<String> judges = List.of(Api.uniqueName("ja"), Api.uniqueName("jb"), Api.uniqueName("jc"),
                Api.uniqueName("jd"), Api.uniqueName("je"));
        RoundFixture.account(api, organiser, judges.get(0), "JUDGE", unitName); // works at the unit: must never get its entry
        for (String judge : judges.subList(1, 5)) {
            RoundFixture.account(api, organiser, judge, "JUDGE", null);
        }

        String citizenA = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long photo = api.upload(TestFiles.png(dir, 40, 30), "张三的照片.png", citizenA).json().getJsonObject("file")
                .getJsonNumber("id").longValue();
        long a = RoundFixture.entry(api, citizenA, code, category, "故事甲", null, photo);
        long b = RoundFixture.entry(api, api.token(api.registerCitizen(PASSWORD), PASSWORD), code, category, "故事乙", null, null);
        long c = RoundFixture.entry(api, api.token(unitAdmin, PASSWORD), code, category, "故事丙", "王警官", null, "IMAGE",
                "我是王警官，在" + unitName + "工作了二十年，见过太多家庭因毒品破碎。");
        for (long entry : new long[]{a, b, c}) {
            assertEquals(200, api.post("/api/v1/screening/" + code + "/entries/" + entry + "/decision",
                    "{\"decision\":\"ACCEPT\"}", organiser, null).status());
        }

        Api.Reply round = api.post("/api/v1/rounds", """
                {"contest":"%s","name":"初评","mode":"ALL","method":"TRIMMED_MEAN","minScores":3,"selectCount":2,
                 "criteria":[{"name":"思想性","maxPoints":30,"primary":true},{"name":"真实性","maxPoints":30},
                             {"name":"感染力","maxPoints":20},{"name":"表现力","maxPoints":20}],
                 "judges":["%s"]}""".formatted(code, String.join("\",\"", judges)), organiser, null);
        assertEquals(201, round.status(), round.body());
        long roundId = round.json().getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/v1/rounds/" + roundId + "/open", "", organiser, null).status());

        Map<String, String> tokens = new HashMap<>();
        for (String judge : judges) {
            tokens.put(judge, api.token(judge, PASSWORD));
        }
        Api.Reply conflictedView = api.get("/api/v1/judging/scorecards", tokens.get(judges.get(0)), null);
        JsonArray conflictedCards = conflictedView.structure().asJsonArray();
        assertEquals(2, conflictedCards.size(), "the unit's own entry is not assigned to its judge");
        assertFalse(conflictedView.body().contains("故事丙"));
        for (String forbidden : new String[]{"张三的照片", "测试群众", unitName, "王警官", "13812345678"}) {
            assertFalse(conflictedView.body().contains(forbidden), "a judge never sees " + forbidden + ": " + conflictedView.body());
        }
        assertTrue(conflictedView.body().contains("图片1.png"), "files go by neutral names");

        // Totals by hand. 甲: 90, 80, 94, 60, 86 -> drop 60 and 94 -> 85.33. 乙: 70, 80, 76, 90, 70 -> drop 70 and 90
        // -> 75.33. 丙 (four judges, j1 conflicted): 88, 84, 80, 70 -> plain mean 80.5 (trimmed would give 82).
        Map<String, int[]> plan = Map.of(
                "故事甲", new int[]{90, 80, 94, 60, 86}, "故事乙", new int[]{70, 80, 76, 90, 70}, "故事丙", new int[]{0, 88, 84, 80, 70});
        // A judge who does get 丙 reads neither the author's name nor the unit in its list or its page.
        String seeing = tokens.get(judges.get(1));
        String list = api.get("/api/v1/judging/scorecards", seeing, null).body();
        long thirdCard = api.get("/api/v1/judging/scorecards", seeing, null).structure().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(o -> o.getString("title").equals("故事丙")).findFirst().orElseThrow()
                .getJsonNumber("scorecardId").longValue();
        String detail = api.get("/api/v1/judging/scorecards/" + thirdCard, seeing, null).body();
        for (String forbidden : new String[]{"王警官", unitName, "张三的照片", "测试群众", "13812345678", unitAdmin}) {
            assertFalse(list.contains(forbidden) || detail.contains(forbidden), "a judge never reads " + forbidden + ": " + detail);
        }
        assertTrue(detail.contains("在■■"), "the names are blacked out where they stood: " + detail);
        String firstCard = null;
        for (int j = 0; j < judges.size(); j++) {
            for (JsonValue value : api.get("/api/v1/judging/scorecards", tokens.get(judges.get(j)), null).structure().asJsonArray()) {
                JsonObject card = value.asJsonObject();
                String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
                if (firstCard == null) {
                    firstCard = path;
                    Api.Reply tooHigh = api.put(path, RoundFixture.scores(31, 20, 10, 10), tokens.get(judges.get(j)));
                    assertEquals(400, tooHigh.status(), "31 on a criterion of 30");
                    Api.Reply notHalf = api.put(path, "{\"scores\":{\"思想性\":27.3}}", tokens.get(judges.get(j)));
                    assertEquals(400, notHalf.status(), "scores go in half points");
                }
                int total = plan.get(card.getString("title"))[j];
                assertEquals(200, api.put(path, RoundFixture.split(total), tokens.get(judges.get(j))).status());
                Api.Reply submitted = api.post(path + "/submit", "", tokens.get(judges.get(j)), null);
                assertEquals(200, submitted.status(), submitted.body());
            }
        }
        Api.Reply afterSubmit = api.put(firstCard, RoundFixture.split(50), tokens.get(judges.get(0)));
        assertEquals(409, afterSubmit.status(), "a submitted scorecard is final");

        JsonObject ranking = api.get("/api/v1/rounds/" + roundId + "/ranking", organiser, null).json();
        JsonArray order = ranking.getJsonArray("order");
        assertEquals("85.33", order.getJsonObject(0).getJsonNumber("display").bigDecimalValue().toPlainString());
        assertEquals("80.50", order.getJsonObject(1).getJsonNumber("display").bigDecimalValue().toPlainString());
        assertEquals("75.33", order.getJsonObject(2).getJsonNumber("display").bigDecimalValue().toPlainString());

        Api.Reply closed = api.post("/api/v1/rounds/" + roundId + "/close", "", organiser, null);
        assertEquals(200, closed.status(), closed.body());
        assertEquals("CLOSED", closed.json().getString("status"));
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement("select ranking_json from judging_round where id = ?")) {
            q.setLong(1, roundId);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                assertTrue(rows.getString(1).contains("\"method\":\"TRIMMED_MEAN\""), rows.getString(1));
            }
        }
        assertEquals(409, api.post("/api/v1/rounds/" + roundId + "/close", "", organiser, null).status());
        assertEquals(409, api.put(firstCard, RoundFixture.split(50), tokens.get(judges.get(0))).status(),
                "nothing changes once the round is closed");

        // The exported sheets, recounted by a separate implementation of the published rules, give the same order.
        List<String> published = order.stream().map(v -> v.asJsonObject().getString("code") + "#" + v.asJsonObject().getInt("rank")).toList();
        List<IndependentRecount.Place> fromExcel = IndependentRecount.recountXlsx(new java.io.ByteArrayInputStream(
                api.bytes("/api/v1/rounds/" + roundId + "/scores.xlsx", organiser)), AggregationMethod.TRIMMED_MEAN);
        assertEquals(published, fromExcel.stream().map(p -> p.code() + "#" + p.rank()).toList());
        assertEquals("85.33", fromExcel.get(0).value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        List<IndependentRecount.Place> fromCsv = IndependentRecount.recountCsv(new java.io.ByteArrayInputStream(
                api.bytes("/api/v1/rounds/" + roundId + "/scores.csv", organiser)), AggregationMethod.TRIMMED_MEAN, "思想性");
        assertEquals(published, fromCsv.stream().map(p -> p.code() + "#" + p.rank()).toList());
        assertEquals(403, api.get("/api/v1/rounds/" + roundId + "/ranking", tokens.get(judges.get(1)), null).status(),
                "judges do not see the ranking");
    }
}
