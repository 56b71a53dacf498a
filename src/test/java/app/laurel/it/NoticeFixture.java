package app.laurel.it;

import jakarta.json.JsonObject;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A contest whose one round is closed with its first entry selected, ready for a notice, made through the API. */
final class NoticeFixture {

    private NoticeFixture() {
    }

    record ClosedRound(RoundFixture.ContestRef contest, long round) {
    }

    /** The entries are scored in the order given, best first; one judge, one selected. */
    static ClosedRound closedRound(Api api, String organiser, String... titles) throws Exception {
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        for (String title : titles) {
            RoundFixture.acceptedEntry(api, organiser, contest, title);
        }
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 1);
        String judge = judges.values().iterator().next();
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":1", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        int total = 90;
        for (JsonObject card : JudgingRulesIT.cards(api, judge)) {
            String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
            assertEquals(200, api.put(path, RoundFixture.split(total -= 10), judge).status());
            assertEquals(200, api.post(path + "/submit", "", judge, null).status());
        }
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/close", "", organiser, null).status());
        return new ClosedRound(contest, round);
    }
}
