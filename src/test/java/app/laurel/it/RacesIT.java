package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits and saves hold when the requests truly race (all released by one {@link StartGate}): a unit's quota,
 * the objections one mobile number and one address may file, and the scores of two judges and of one judge's two
 * tabs. The refused get a clear refusal, never a 500.
 */
@ExtendWith(LaurelServerExtension.class)
class RacesIT {

    private static final String PASSWORD = RoundFixture.PASSWORD;

    @Test
    void aUnitsQuotaHoldsWhenItsSubmissionsAndRecommendationsRace(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "名额边界");
        RoundFixture.Township township = RoundFixture.township(api, server, organiser, contest.code());
        int quota = 3;
        try (Connection db = server.connect(); PreparedStatement widen = db.prepareStatement("""
                update contest_unit cu join contest c on c.id = cu.contest_id set cu.max_entries = ?
                where c.code = ? and cu.unit_id = ?""")) {
            widen.setInt(1, quota);
            widen.setString(2, contest.code());
            widen.setLong(3, township.id());
            assertEquals(1, widen.executeUpdate());
        }
        String admin = api.token(township.admin(), PASSWORD);
        List<Callable<Api.Reply>> racers = new ArrayList<>();
        // Three of the unit's own entries and two citizens' entries naming it: five claims on three places.
        for (int i = 0; i < 3; i++) {
            Api.Reply draft = api.post("/api/v1/entries", """
                    {"contest":"%s","type":"STORY","categoryId":%d,"title":"报送%d","bodyHtml":"<p>社区戒毒康复站的志愿者陪他走过了最难的一年。</p>",
                     "originalityDeclared":true,"displayConsent":true,"authorName":"李干事"}""".formatted(contest.code(), contest.category(), i),
                    admin, null);
            assertEquals(201, draft.status(), draft.body());
            long id = draft.json().getJsonNumber("id").longValue();
            racers.add(() -> api.post("/api/v1/entries/" + id + "/submit", "", admin, null));
        }
        for (int i = 0; i < 2; i++) {
            long id = submittedNaming(api, contest, township.id(), "推选" + i);
            racers.add(() -> api.post("/api/v1/recommendations/" + contest.code() + "/" + id, "", admin, null));
        }

        List<Api.Reply> replies = StartGate.race(racers);

        long accepted = replies.stream().filter(r -> r.status() == 200).count();
        List<Api.Reply> refused = replies.stream().filter(r -> r.status() != 200).toList();
        assertEquals(quota, accepted, "exactly the quota is taken: " + replies.stream().map(Api.Reply::body).toList());
        for (Api.Reply refusal : refused) {
            assertEquals(409, refusal.status(), refusal.body());
            assertTrue(refusal.body().contains("的报送名额（3 个）已满"), refusal.body());
        }
        assertEquals(quota, api.get("/api/v1/recommendations/" + contest.code() + "/quota", admin, null).json().getInt("counted"));
    }

    /**
     * Every "lock, then count" above is right only if the count sees what the previous lock holder committed,
     * which InnoDB's default (repeatable read: the count from a snapshot taken before the lock) does not give.
     * Caught in the act: a submission waiting for the citizen's row, and the isolation its transaction runs at.
     */
    @Test
    void thePortalsTransactionsReadCommittedRows(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "读已提交");
        String username = api.registerCitizen(PASSWORD);
        String citizen = api.token(username, PASSWORD);
        long entry = DeadlineSurgeIT.draft(api, citizen, contest, "隔离级别", "<p>社区戒毒康复站的志愿者陪他走过了最难的一年。</p>");
        try (Connection db = server.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement hold = db.prepareStatement("select id from account where username = ? for update")) {
                hold.setString(1, username);
                hold.executeQuery().close();
            }
            Thread submitting = new Thread(() -> {
                try {
                    api.post("/api/v1/entries/" + entry + "/submit", "", citizen, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            submitting.start();
            String isolation = null;
            try (Connection look = server.connect(); PreparedStatement waiting = look.prepareStatement(
                    "select trx_isolation_level from information_schema.innodb_trx where trx_state = 'LOCK WAIT'")) {
                for (int i = 0; i < 300 && isolation == null; i++) {
                    try (ResultSet row = waiting.executeQuery()) {
                        isolation = row.next() ? row.getString(1) : null;
                    }
                    Thread.sleep(100);
                }
            }
            db.rollback();
            submitting.join(60_000);
            assertEquals("READ COMMITTED", isolation);
        }
        assertEquals("SUBMITTED", api.get("/api/v1/entries/" + entry, citizen, null).json().getString("status"));
    }

    @Test
    void oneMobileNumberFilesAtMostThreeObjectionsAndOneAddressTenEvenAllAtOnce(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "异议上限");
        RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, contest, Duration.ofDays(1), "甲", "乙", "丙");
        String path = "/api/v1/notices/public/" + notice.code() + "/objections";

        String sameAddress = address();
        List<Callable<HttpResponse<String>>> samePhone = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            samePhone.add(objection(server, path, sameAddress, "13900007777", i));
        }
        List<Integer> byPhone = StartGate.race(samePhone).stream().map(HttpResponse::statusCode).sorted().toList();
        assertEquals(List.of(201, 201, 201, 409), byPhone, "three objections per number and notice, the fourth refused");

        String busyAddress = address();
        List<Callable<HttpResponse<String>>> oneAddress = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            oneAddress.add(objection(server, path, busyAddress, "1390000%04d".formatted(8000 + i), i));
        }
        List<HttpResponse<String>> fromAddress = StartGate.race(oneAddress);
        assertEquals(10, fromAddress.stream().filter(r -> r.statusCode() == 201).count(), "ten per address and hour");
        HttpResponse<String> refused = fromAddress.stream().filter(r -> r.statusCode() != 201).findFirst().orElseThrow();
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("请一小时后再试"), refused.body());

        try (Connection db = server.connect(); PreparedStatement count = db.prepareStatement(
                "select count(*) from objection where notice_id = ?")) {
            count.setLong(1, notice.id());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                assertEquals(13, row.getInt(1), "no refused objection left a row");
            }
        }
    }

    @Test
    void twoJudgesAndTwoTabsSavingAtOnceLoseNoScoreAndTheLaterTabWinsWhole(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "两位评委同时打分");
        RoundFixture.acceptedEntry(api, organiser, contest, "同一作品");
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 2);
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":1", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        List<String> tokens = new ArrayList<>(judges.values());
        long cardA = JudgingRulesIT.cards(api, tokens.get(0)).get(0).getJsonNumber("scorecardId").longValue();
        long cardB = JudgingRulesIT.cards(api, tokens.get(1)).get(0).getJsonNumber("scorecardId").longValue();
        // Each judge in two tabs, every tab with scores of its own, so a card mixing two saves would show.
        Map<String, double[]> sent = new HashMap<>();
        sent.put("A1", new double[]{24, 24, 16, 16});
        sent.put("A2", new double[]{20, 21.5, 15, 14});
        sent.put("B1", new double[]{18, 18, 12, 12});
        sent.put("B2", new double[]{15, 16, 10, 9.5});
        List<String> order = List.of("A1", "A2", "B1", "B2");
        List<Callable<Api.Reply>> saves = new ArrayList<>();
        for (String tab : order) {
            long card = tab.startsWith("A") ? cardA : cardB;
            String token = tokens.get(tab.startsWith("A") ? 0 : 1);
            saves.add(() -> api.put("/api/v1/judging/scorecards/" + card, RoundFixture.scores(sent.get(tab)), token));
        }

        List<Api.Reply> replies = StartGate.race(saves);

        for (Api.Reply reply : replies) {
            assertEquals(200, reply.status(), "no save fails because another is saved at the same moment: " + reply.body());
        }
        assertWholeFromOneTab(server, cardA, sent.get("A1"), sent.get("A2"));
        assertWholeFromOneTab(server, cardB, sent.get("B1"), sent.get("B2"));
    }

    /** The card holds every criterion of exactly one of the tabs' saves (a draft has no total yet). */
    private static void assertWholeFromOneTab(TestServer server, long card, double[] first, double[] second) throws Exception {
        Map<String, Double> stored = new HashMap<>();
        try (Connection db = server.connect();
             PreparedStatement query = db.prepareStatement("select criterion, half_points from score where scorecard_id = ?")) {
            query.setLong(1, card);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getInt(2) / 2.0);
                }
            }
        }
        assertTrue(matches(stored, first) || matches(stored, second), "the card mixes two saves, or lost one: " + stored);
    }

    private static boolean matches(Map<String, Double> stored, double[] sent) {
        Map<String, Double> expected = new HashMap<>();
        for (int i = 0; i < sent.length; i++) {
            expected.put(RoundFixture.CRITERIA[i], sent[i]);
        }
        return expected.equals(stored);
    }

    private static long submittedNaming(Api api, RoundFixture.ContestRef contest, long township, String title) throws Exception {
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        Api.Reply draft = api.post("/api/v1/entries", """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"%s","bodyHtml":"<p>这是一个真实的禁毒故事，讲述了社区的变化。</p>",
                 "originalityDeclared":true,"displayConsent":true,"townshipId":%d}""".formatted(contest.code(), contest.category(), title, township),
                citizen, null);
        assertEquals(201, draft.status(), draft.body());
        long id = draft.json().getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/v1/entries/" + id + "/submit", "", citizen, null).status());
        return id;
    }

    /** A documentation address of its own per race (the per-address limit is an hour long and other tests object too). */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** Filed as the public portal behind its proxy sends it: the visitor's address in X-Forwarded-For. */
    private static Callable<HttpResponse<String>> objection(TestServer server, String path, String address, String phone, int n) {
        String json = """
                {"realName":"王立新","phone":"%s","entry":"R1-002","reasons":"第%d条：作品中的人物与事实不完全相符。"}""".formatted(phone, n + 1);
        return () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
