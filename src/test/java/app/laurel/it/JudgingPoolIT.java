package app.laurel.it;

import jakarta.json.JsonArray;
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
        long first = RoundFixture.acceptedEntry(api, organiser, new RoundFixture.ContestRef(code, volunteers), "志愿者一");
        long second = RoundFixture.acceptedEntry(api, organiser, new RoundFixture.ContestRef(code, volunteers), "志愿者二");
        RoundFixture.acceptedEntry(api, organiser, new RoundFixture.ContestRef(code, recovery), "康复");

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
        RoundFixture.Township township = RoundFixture.township(api, server, organiser, code);
        long recommended = RoundFixture.acceptedNaming(api, organiser, code, category, "已推选" + Api.uniqueName(""), township.id());
        long unrecommended = RoundFixture.acceptedNaming(api, organiser, code, category, "未推选" + Api.uniqueName(""), township.id());
        Api.Reply done = api.post("/api/v1/recommendations/" + code + "/" + recommended, "", api.token(township.admin(), PASSWORD), null);
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
