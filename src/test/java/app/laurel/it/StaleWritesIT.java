package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every editable thing besides the contest (ConcurrentEditIT) keeps a newer save: of two writes based on one
 * version the second is refused with 409 and changes nothing, and a write based on the current ETag goes through.
 */
@ExtendWith(LaurelServerExtension.class)
class StaleWritesIT {

    private Api api;
    private String organiser;

    @BeforeEach
    void connect(TestServer server) throws Exception {
        this.api = new Api(server);
        this.organiser = api.token("organiser", "Laurel2026");
    }

    @Test
    void aJudgesScoresFromAnOlderTabDoNotReplaceNewerOnes() throws Exception {
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        RoundFixture.acceptedEntry(api, organiser, contest, "评分的作品");
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 1);
        String judge = judges.values().iterator().next();
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":1", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        String path = "/api/v1/judging/scorecards/" + JudgingRulesIT.cards(api, judge).get(0).getJsonNumber("scorecardId");
        secondWriteFromOneVersionIsRefused(path, path, judge, RoundFixture.split(80), RoundFixture.split(60),
                json -> json.getJsonObject("scores").toString(), null);
        assertTrue(api.get(path, judge, null).json().getJsonObject("scores").toString().contains("24"), "the 80 (24/24/16/16) stays");
    }

    @Test
    void aRoundsRulesFromAStaleReadDoNotReplaceNewerOnes() throws Exception {
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        RoundFixture.acceptedEntry(api, organiser, contest, "待评的作品");
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 1);
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":1", judges.keySet());
        Function<String, String> rules = name -> """
                {"name":"%s","mode":"ALL","selectCount":1,%s,"judges":["%s"]}""".formatted(name, RoundFixture.RUBRIC,
                judges.keySet().iterator().next());
        String path = "/api/v1/rounds/" + round;
        secondWriteFromOneVersionIsRefused(path, path, organiser, rules.apply("复评"), rules.apply("初评（旧）"),
                json -> json.getString("name"), "复评");
    }

    @Test
    void aDraftNoticeEditedTwiceFromOneReadKeepsTheNewerText() throws Exception {
        NoticeFixture.ClosedRound closed = NoticeFixture.closedRound(api, organiser, "公示的作品");
        long id = api.post("/api/v1/notices", "{\"roundId\":%d}".formatted(closed.round()), organiser, null).json()
                .getJsonNumber("id").longValue();
        Instant start = Instant.now().plusSeconds(3600);
        Function<String, String> text = title -> """
                {"title":"%s","body":"现予公示。","order":"RANK","startsAt":"%s","endsAt":"%s","contact":"县禁毒办"}"""
                .formatted(title, start, start.plusSeconds(7 * 86400));
        String path = "/api/v1/notices/" + id;
        Api.Reply refused = secondWriteFromOneVersionIsRefused(path, path, organiser, text.apply("评选结果的公示"),
                text.apply("旧的公示标题"), json -> json.getString("title"), "评选结果的公示");
        assertTrue(refused.json().getString("message").contains("organiser"), "the notice's audit trail says who: " + refused.body());
        assertEquals("title", refused.json().getJsonArray("fields").getJsonObject(0).getString("field"), refused.body());
    }

    @Test
    void aTaskReportSentByAColleagueMeanwhileIsNotOverwrittenUnseen(@TempDir Path dir) throws Exception {
        CampaignFixture f = new CampaignFixture(api);
        String school = "版本测试学校" + f.code;
        String unitToken = api.token(f.unitAdmin(school), CampaignFixture.PASSWORD);
        f.enrol(school);
        f.office("安全科");
        long task = f.task("开展禁毒主题活动", "\"安全科\"", null, null, null, LocalDate.now().plusDays(10).toString());
        long photo = api.upload(TestFiles.png(dir, 320, 240), "活动照片.png", unitToken).json()
                .getJsonObject("file").getJsonNumber("id").longValue();
        String report = f.path("/tasks/" + task + "/report");
        Function<String, String> body = text -> "{\"text\":\"%s\",\"fileIds\":[%d],\"version\":-1}".formatted(text, photo);

        Api.Reply first = api.post(report, body.apply("同事先报的情况"), unitToken, null);
        assertEquals(200, first.status(), first.body());
        Api.Reply unseen = api.post(report, body.apply("没看到同事的报告"), unitToken, null);
        assertEquals(409, unseen.status(), "version -1 says: I saw no report, but there is one: " + unseen.body());
        JsonObject mine = api.get(f.path("/my-tasks"), unitToken, null).structure().asJsonArray().getJsonObject(0).getJsonObject("report");
        assertEquals("同事先报的情况", mine.getString("text"));
        Api.Reply seen = api.post(report, body.apply("看过后补充").replace("-1", String.valueOf(mine.getJsonNumber("version"))),
                unitToken, null);
        assertEquals(200, seen.status(), "a correction based on the report as it is goes through: " + seen.body());
    }

    /** Reads, saves {@code first} and then {@code second} both on the version read; the refusal of the second. */
    private Api.Reply secondWriteFromOneVersionIsRefused(String read, String write, String token, String first, String second,
                                                        Function<JsonObject, String> shown, String expected) throws Exception {
        Api.Reply before = api.get(read, token, null);
        assertEquals(200, before.status(), before.body());
        String etag = before.raw().headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + before.json().getJsonNumber("version") + "\"", etag);

        Api.Reply newer = api.put(write, first, token, etag);
        assertEquals(200, newer.status(), newer.body());
        String stored = shown.apply(newer.json());
        Api.Reply stale = api.put(write, second, token, etag);
        assertEquals(409, stale.status(), stale.body());
        assertTrue(stale.json().getString("message").contains("已被他人修改"), stale.body());
        assertEquals(stored, shown.apply(api.get(read, token, null).json()), "the newer save stays");
        if (expected != null) {
            assertEquals(expected, stored);
        }
        Api.Reply current = api.put(write, first, token, newer.raw().headers().firstValue("ETag").orElseThrow());
        assertEquals(200, current.status(), "a write based on the current ETag goes through: " + current.body());
        return stale;
    }
}
