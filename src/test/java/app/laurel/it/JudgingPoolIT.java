package app.laurel.it;

import jakarta.json.JsonArray;
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
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which entries a new round takes, through the API: one category's when the organiser names it (the README's
 * "a round per category"), and a citizen's entry only once a township recommended it when the contest says so.
 */
@ExtendWith(LaurelServerExtension.class)
class JudgingPoolIT {

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
    void aRoundOnOneCategoryTakesOnlyThatCategorysAcceptedEntries() throws Exception {
        String code = contest(false, "\"禁毒志愿者\",\"社区戒毒康复\"");
        JsonArray categories = api.get("/api/v1/contests/" + code, null, null).json().getJsonArray("categories");
        long volunteers = categories.getJsonObject(0).getJsonNumber("id").longValue();
        long recovery = categories.getJsonObject(1).getJsonNumber("id").longValue();
        long first = accepted(code, volunteers, null);
        long second = accepted(code, volunteers, null);
        accepted(code, recovery, null);

        Api.Reply created = api.post("/api/v1/rounds", """
                {"contest":"%s","name":"志愿者组初评","mode":"ALL","method":"MEAN","categoryId":%d,%s,"judges":["judge1","judge2"]}"""
                .formatted(code, volunteers, RoundFixture.RUBRIC), organiser, null);
        assertEquals(201, created.status(), created.body());
        assertEquals(Set.of(first, second), entriesOf(created.json().getJsonNumber("id").longValue()),
                "only the volunteers' category");

        Api.Reply unknown = api.post("/api/v1/rounds", """
                {"contest":"%s","name":"错类别","mode":"ALL","method":"MEAN","categoryId":99999999,%s,"judges":["judge1","judge2"]}"""
                .formatted(code, RoundFixture.RUBRIC), organiser, null);
        assertEquals(400, unknown.status(), unknown.body());
    }

    @Test
    void withTheRecommendationRuleOnlyARecommendedCitizensEntryIsJudged() throws Exception {
        Pool strict = pool(true);
        assertEquals(Set.of(strict.recommended()), entriesOf(round(strict.code())),
                "the entry no township recommended stays out of the judging pool");
    }

    @Test
    void withoutTheRecommendationRuleEveryAcceptedCitizensEntryIsJudged() throws Exception {
        Pool open = pool(false);
        assertEquals(Set.of(open.recommended(), open.unrecommended()), entriesOf(round(open.code())));
    }

    /** A contest with a township enrolled, and two accepted citizens' entries naming it, one of them recommended. */
    private Pool pool(boolean needsRecommendation) throws Exception {
        String code = contest(needsRecommendation, "\"禁毒志愿者\"");
        long category = api.get("/api/v1/contests/" + code, null, null).json().getJsonArray("categories")
                .getJsonObject(0).getJsonNumber("id").longValue();
        String township = "推选镇" + Api.uniqueName("").substring(0, 8);
        String admin = Api.uniqueName("twn");
        Api.Reply account = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"联络员","role":"UNIT_ADMIN","unitName":"%s","unitType":"TOWNSHIP","initialPassword":"%s"}"""
                .formatted(admin, township, PASSWORD), organiser, null);
        assertEquals(201, account.status(), account.body());
        server.enrol(code, township);
        long townshipId = api.get("/api/v1/contests/" + code, null, null).json().getJsonArray("units").stream()
                .map(JsonValue::asJsonObject).filter(u -> u.getString("name").equals(township))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        long recommended = accepted(code, category, townshipId);
        long unrecommended = accepted(code, category, townshipId);
        Api.Reply done = api.post("/api/v1/recommendations/" + code + "/" + recommended, "", api.token(admin, PASSWORD), null);
        assertEquals(200, done.status(), done.body());
        return new Pool(code, recommended, unrecommended);
    }

    private record Pool(String code, long recommended, long unrecommended) {
    }

    private String contest(boolean needsRecommendation, String categories) throws Exception {
        String code = "P" + Api.uniqueName("").toUpperCase(Locale.ROOT).substring(0, 8);
        Instant now = Instant.now();
        Api.Reply created = api.post("/api/v1/contests", """
                {"code":"%s","title":"评审范围测试","phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"}},"categories":[%s],
                 "story":{"minChars":10,"maxChars":2000,"maxImages":2,"attachmentAllowed":true},"publicNeedsRecommendation":%s}"""
                .formatted(code, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3)), categories, needsRecommendation),
                organiser, null);
        assertEquals(201, created.status(), created.body());
        return code;
    }

    /** A citizen's story, submitted (naming the township when given) and accepted in screening; its id. */
    private long accepted(String code, long category, Long townshipId) throws Exception {
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        Api.Reply draft = api.post("/api/v1/entries", """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"故事%s","bodyHtml":"<p>这是一个真实的禁毒故事，讲述了社区的变化。</p>",
                 "originalityDeclared":true,"displayConsent":true%s}"""
                .formatted(code, category, Api.uniqueName(""), townshipId == null ? "" : ",\"townshipId\":" + townshipId), citizen, null);
        assertEquals(201, draft.status(), draft.body());
        long id = draft.json().getJsonNumber("id").longValue();
        Api.Reply submitted = api.post("/api/v1/entries/" + id + "/submit", "", citizen, null);
        assertEquals(200, submitted.status(), submitted.body());
        RoundFixture.accept(api, organiser, code, id);
        return id;
    }

    private long round(String code) throws Exception {
        return JudgingRulesIT.createRound(api, organiser, code, "\"mode\":\"ALL\",\"method\":\"MEAN\"", Set.of("judge1", "judge2"));
    }

    /** The entries a round took, as the database holds them. */
    private Set<Long> entriesOf(long round) throws Exception {
        Set<Long> ids = new TreeSet<>();
        try (Connection db = server.connect();
             PreparedStatement query = db.prepareStatement("select entry_id from round_entry where round_id = ?")) {
            query.setLong(1, round);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }
}
