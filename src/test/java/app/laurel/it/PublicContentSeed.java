package app.laurel.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Published content as a real contest has it once 公示 is over, made through the API of a running portal (for the
 * public pages' benchmark): a contest of {@code stories} accepted stories by one citizen, all in its column, a round
 * whose ten best are in a published notice (with an upheld objection's correction), finalised, and a certificate
 * issued to each winner. Takes the notice's short period (a minute and a half) to wait for its end.
 */
public final class PublicContentSeed {

    /** What the public pages show: the contest's code, the notice's short code, a column story's id, certificate serials. */
    public record Published(String contest, String notice, long story, List<String> serials) {
    }

    private PublicContentSeed() {
    }

    public static Published seed(String baseUrl, int stories) throws Exception {
        if (stories < 12 || stories > 2_000) {
            throw new IllegalArgumentException("stories must be between 12 and 2000 (ten are listed in the notice), not " + stories);
        }
        Api api = new Api(baseUrl);
        String organiser = api.token("organiser", "Laurel2026");
        String code = "P" + Api.uniqueName("").toUpperCase(Locale.ROOT).substring(0, 8);
        Instant now = Instant.now();
        Api.Reply created = api.post("/api/v1/contests", """
                {"code":"%s","title":"讲述身边的禁毒故事（基准）","organisingBody":"衡阳县禁毒委员会",
                 "phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"}},"categories":["禁毒志愿者","社区戒毒康复"],
                 "publicEntryLimit":%d,"story":{"minChars":10,"maxChars":5000,"maxImages":2,"attachmentAllowed":true}}"""
                .formatted(code, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3)), stories), organiser, null);
        check(201, created);
        long category = created.json().getJsonArray("categories").getJsonObject(0).getJsonNumber("id").longValue();
        String citizen = ColumnFixture.citizen(api, "李晓梅", "13812345678");
        List<Long> items = new ArrayList<>();
        for (int i = 1; i <= stories; i++) {
            String title = "禁毒故事第" + i + "篇";
            long entry = ColumnFixture.acceptedStory(api, organiser, citizen, code, category, title);
            items.add(ColumnFixture.publish(api, organiser, code, entry, true));
        }
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 1);
        String judge = judges.values().iterator().next();
        long round = JudgingRulesIT.createRound(api, organiser, code, "\"mode\":\"ALL\",\"selectCount\":10", judges.keySet());
        check(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null));
        int total = 100;
        for (JsonObject card : JudgingRulesIT.cards(api, judge)) {
            String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
            total = Math.max(total - 1, 20);
            check(200, api.put(path, RoundFixture.split(total), judge));
            check(200, api.post(path + "/submit", "", judge, null));
        }
        check(200, api.post("/api/v1/rounds/" + round + "/close", "", organiser, null));
        JsonObject notice = api.post("/api/v1/notices", "{\"roundId\":%d}".formatted(round), organiser, null).json();
        long id = notice.getJsonNumber("id").longValue();
        Instant ends = Instant.now().plus(Duration.ofSeconds(90));
        check(200, api.put("/api/v1/notices/" + id, """
                {"title":"关于“讲述身边的禁毒故事”评选结果的公示","body":"现予公示。公示期间如有异议，请实名提出。","order":"RANK",
                 "startsAt":"%s","endsAt":"%s","contact":"县禁毒办 0734-1234567"}""".formatted(Instant.now().minusSeconds(60), ends), organiser));
        check(200, api.post("/api/v1/notices/" + id + "/publish", "", organiser, null));
        String shortCode = notice.getString("shortCode");
        String first = api.get("/api/v1/notices/public/" + shortCode, null, null).json().getJsonArray("entries").getJsonObject(0).getString("code");
        check(201, api.post("/api/v1/notices/public/" + shortCode + "/objections", """
                {"realName":"张建国","phone":"13900001111","entry":"%s","reasons":"该作品与某报2019年刊登的文章雷同，涉嫌抄袭。"}"""
                .formatted(first), null, null));
        long objection = api.get("/api/v1/notices/" + id + "/objections", organiser, null).structure().asJsonArray()
                .getJsonObject(0).getJsonNumber("id").longValue();
        check(200, api.post("/api/v1/notices/objections/" + objection + "/decision",
                "{\"decision\":\"UPHOLD\",\"investigation\":\"经比对，与原文重合度超过八成，异议属实。\"}", organiser, null));
        while (Instant.now().isBefore(ends.plusSeconds(2))) {
            Thread.sleep(1000); // the period must be over before the result is final
        }
        check(200, api.post("/api/v1/notices/" + id + "/finalise", "", organiser, null));
        check(200, api.put("/api/v1/certificates/template?contest=" + code, """
                {"title":"荣誉证书","body":"{name}同志：\\n　　你的作品《{work}》荣获“{award}”称号，特发此证。","award":"衡阳县最美禁毒故事",
                 "issuer":"衡阳县禁毒委员会","issuedOn":"2021-06-26"}""", organiser));
        Api.Reply issued = api.post("/api/v1/certificates/issue?contest=" + code, "", organiser, null);
        check(200, issued);
        List<String> serials = issued.structure().asJsonArray().stream().map(JsonValue::asJsonObject)
                .map(c -> c.getString("serial")).toList();
        return new Published(code, shortCode, items.get(items.size() / 2), serials);
    }

    private static void check(int expected, Api.Reply reply) {
        if (reply.status() != expected) {
            throw new IllegalStateException("seeding failed: HTTP " + reply.status() + " " + reply.body());
        }
    }
}
