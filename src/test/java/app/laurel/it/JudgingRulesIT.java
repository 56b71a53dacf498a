package app.laurel.it;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.laurel.it.RoundFixture.PASSWORD;
import static app.laurel.it.RoundFixture.RUBRIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules around scoring through the API: conflicts take a judge off an entry for good and hand it to another,
 * a tie at the cut blocks closing until settled with a reason, a reopened scorecard can be corrected, extreme
 * totals need a comment, the next round takes the top N, and a disputed entry gets a third marker.
 */
@ExtendWith(LaurelServerExtension.class)
class JudgingRulesIT {

    @TempDir
    Path dir;

    @Test
    void aConflictedJudgeLosesTheEntryEverywhereAndAnotherJudgeTakesIt(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long photo = api.upload(TestFiles.png(dir, 40, 30), "photo.png", citizen).json().getJsonObject("file").getJsonNumber("id").longValue();
        long withPhoto = RoundFixture.entry(api, citizen, contest.code(), contest.category(), "有照片的故事", null, photo);
        RoundFixture.accept(api, organiser, contest.code(), withPhoto);
        RoundFixture.acceptedEntry(api, organiser, contest, "第二个故事");
        RoundFixture.acceptedEntry(api, organiser, contest, "第三个故事");
        Map<String, String> tokens = judges(api, organiser, 4);

        long round = createRound(api, organiser, contest.code(), """
                "mode":"BALANCED","judgesPerEntry":2,"minScores":2,"selectCount":1""", tokens.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        Map<String, List<String>> before = assignments(api, organiser, round);
        String code = "R1-001"; // the entry with the photo: entries are coded in receipt order
        String judge = before.entrySet().stream().filter(e -> e.getValue().contains(code)).findFirst().orElseThrow().getKey();
        JsonObject card = cards(api, tokens.get(judge)).stream().filter(c -> c.getString("code").equals(code)).findFirst().orElseThrow();
        String cardPath = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
        assertEquals(200, api.get("/api/v1/files/" + photo + "/content", tokens.get(judge), null).status(), "assigned: the file is readable");

        Api.Reply declared = api.post(cardPath + "/conflict", "{\"reason\":\"作者是我的亲属\"}", tokens.get(judge), null);
        assertEquals(204, declared.status(), declared.body());
        assertEquals(404, api.get(cardPath, tokens.get(judge), null).status(), "the scorecard is gone");
        assertEquals(404, api.get("/api/v1/files/" + photo + "/content", tokens.get(judge), null).status(), "and so is the file");
        assertTrue(cards(api, tokens.get(judge)).stream().noneMatch(c -> c.getString("code").equals(code)));
        Map<String, List<String>> after = assignments(api, organiser, round);
        List<String> holders = after.entrySet().stream().filter(e -> e.getValue().contains(code)).map(Map.Entry::getKey).toList();
        assertEquals(2, holders.size(), "BALANCED: another judge took the entry: " + after);
        assertFalse(holders.contains(judge));

        String other = holders.get(0);
        Api.Reply added = api.post("/api/v1/rounds/" + round + "/conflicts",
                "{\"entry\":\"%s\",\"judge\":\"%s\",\"reason\":\"同一单位\"}".formatted(code, other), organiser, null);
        assertEquals(201, added.status(), added.body());
        assertTrue(added.json().getBoolean("scorecardRemoved"));
        assertEquals(409, api.post("/api/v1/rounds/" + round + "/conflicts",
                "{\"entry\":\"%s\",\"judge\":\"%s\",\"reason\":\"再次\"}".formatted(code, other), organiser, null).status(),
                "the same conflict twice is refused");
        assertEquals(400, api.post("/api/v1/rounds/" + round + "/conflicts",
                "{\"entry\":\"%s\",\"judge\":\"%s\"}".formatted(code, holders.get(1)), organiser, null).status(), "a reason is required");
        List<String> finalHolders = assignments(api, organiser, round).entrySet().stream()
                .filter(e -> e.getValue().contains(code)).map(Map.Entry::getKey).toList();
        assertFalse(finalHolders.contains(judge) || finalHolders.contains(other), finalHolders.toString());
        assertEquals(2, finalHolders.size(), "four judges, two conflicted: the other two hold it");
        JsonArray conflicts = api.get("/api/v1/rounds/" + round + "/conflicts", organiser, null).structure().asJsonArray();
        assertEquals(2, conflicts.size());
    }

    @Test
    void judgesReadDocumentsWithoutTheAuthorsMetadataAndTextWithoutRedactedNames(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long docx = api.upload(TestFiles.docx(dir, "这是一个关于戒毒的真实故事。"), "张三的故事原稿.docx", citizen).json()
                .getJsonObject("file").getJsonNumber("id").longValue();
        long pdf = api.upload(TestFiles.pdf(dir, "A true story about staying clean."), "张三的故事原稿.pdf", citizen).json()
                .getJsonObject("file").getJsonNumber("id").longValue();
        long first = RoundFixture.entry(api, citizen, contest.code(), contest.category(), "文档故事", null, docx, "ATTACHMENT");
        long second = RoundFixture.entry(api, citizen, contest.code(), contest.category(), "另一个文档故事", null, pdf, "ATTACHMENT");
        RoundFixture.accept(api, organiser, contest.code(), first);
        RoundFixture.accept(api, organiser, contest.code(), second);
        Api.Reply redacted = api.put("/api/v1/screening/" + contest.code() + "/entries/" + first + "/redactions",
                "{\"terms\":[\"社区\"]}", organiser);
        assertEquals(200, redacted.status(), redacted.body());
        Map<String, String> tokens = judges(api, organiser, 1);
        long round = createRound(api, organiser, contest.code(), "\"mode\":\"ALL\"", tokens.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        String judge = tokens.values().iterator().next();

        String cards = api.get("/api/v1/judging/scorecards", judge, null).body();
        for (String forbidden : new String[]{"张三", "原稿", "测试群众"}) {
            assertFalse(cards.contains(forbidden), "a judge never reads " + forbidden + ": " + cards);
        }
        assertTrue(cards.contains("附件1.docx") && cards.contains("附件1.pdf"), cards);
        JsonObject redactedCard = api.get("/api/v1/judging/scorecards", judge, null).structure().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(c -> c.getString("title").equals("文档故事")).findFirst().orElseThrow();
        assertTrue(redactedCard.getString("bodyHtml").contains("■■的变化"), "the redacted word is blacked out: " + redactedCard);
        assertFalse(redactedCard.getString("bodyHtml").contains("社区"), redactedCard.toString());

        byte[] judgesDocx = api.bytes("/api/v1/files/" + docx + "/content", judge);
        assertFalse(unzipped(judgesDocx).contains("张三"), "no part of the judge's .docx names the author");
        assertTrue(unzipped(judgesDocx).contains("这是一个关于戒毒的真实故事"), "the text itself is all there");
        assertTrue(unzipped(api.bytes("/api/v1/files/" + docx + "/content", organiser)).contains("张三"),
                "the organiser gets the original, author and all");
        try (org.apache.pdfbox.pdmodel.PDDocument judgesPdf = org.apache.pdfbox.Loader.loadPDF(
                api.bytes("/api/v1/files/" + pdf + "/content", judge))) {
            assertEquals(null, judgesPdf.getDocumentInformation().getAuthor());
            assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(judgesPdf).contains("staying clean"));
        }
    }

    private static String unzipped(byte[] docx) throws Exception {
        StringBuilder all = new StringBuilder();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            while (zip.getNextEntry() != null) {
                all.append(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    @Test
    void aTieAtTheCutIsSettledWithAReasonAndTheNextRoundTakesTheTop(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        long a = RoundFixture.acceptedEntry(api, organiser, contest, "甲");
        long b = RoundFixture.acceptedEntry(api, organiser, contest, "乙");
        RoundFixture.acceptedEntry(api, organiser, contest, "丙");
        Map<String, String> tokens = judges(api, organiser, 2);
        long round = createRound(api, organiser, contest.code(), """
                "mode":"ALL","method":"MEAN","minScores":2,"selectCount":1,"commentBelow":40""", tokens.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());

        Map<String, Integer> plan = Map.of("R1-001", 80, "R1-002", 80, "R1-003", 30);
        String firstJudge = tokens.keySet().iterator().next();
        for (Map.Entry<String, String> judge : tokens.entrySet()) {
            for (JsonObject card : cards(api, judge.getValue())) {
                String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
                assertEquals(200, api.put(path, RoundFixture.split(plan.get(card.getString("code"))), judge.getValue()).status());
                Api.Reply submitted = api.post(path + "/submit", "", judge.getValue(), null);
                if (card.getString("code").equals("R1-003")) {
                    assertEquals(400, submitted.status(), "30 of 100 is below 40: a comment is required");
                    assertTrue(submitted.body().contains("评语"), submitted.body());
                    String withComment = RoundFixture.split(30).replace("}}", "},\"comment\":\"立意不清，素材单薄。\"}");
                    assertEquals(200, api.put(path, withComment, judge.getValue()).status());
                    submitted = api.post(path + "/submit", "", judge.getValue(), null);
                }
                assertEquals(200, submitted.status(), submitted.body());
            }
        }
        Api.Reply blocked = api.post("/api/v1/rounds/" + round + "/close", "", organiser, null);
        assertEquals(409, blocked.status(), "甲 and 乙 tie for the one place");
        assertTrue(blocked.body().contains("R1-001") && blocked.body().contains("R1-002"), blocked.body());

        String cut = "/api/v1/rounds/" + round + "/cut";
        assertEquals(400, api.post(cut, "{\"decision\":\"ORDERED\",\"order\":[\"R1-002\"],\"reason\":\"理由\"}", organiser, null).status(),
                "the order must name every tied entry");
        assertEquals(400, api.post(cut, "{\"decision\":\"ORDERED\",\"order\":[\"R1-002\",\"R1-001\"],\"reason\":\" \"}", organiser, null).status(),
                "a written reason is required");
        Api.Reply settled = api.post(cut, "{\"decision\":\"ORDERED\",\"order\":[\"R1-002\",\"R1-001\"],"
                + "\"reason\":\"评审委员会合议：乙的主题更贴合本次活动\"}", organiser, null);
        assertEquals(200, settled.status(), settled.body());
        JsonArray order = settled.json().getJsonArray("order");
        assertEquals("R1-002", order.getJsonObject(0).getString("code"));
        assertTrue(order.getJsonObject(0).getBoolean("selected"));
        assertEquals(2, order.getJsonObject(1).getInt("rank"));

        // A reopened scorecard goes back to the judge, who can correct it; the settlement still holds after.
        Api.Reply reopened = api.post("/api/v1/rounds/" + round + "/reopen",
                "{\"entry\":\"R1-003\",\"judge\":\"%s\",\"reason\":\"评委申请更正笔误\"}".formatted(firstJudge), organiser, null);
        assertEquals(204, reopened.status(), reopened.body());
        JsonObject again = cards(api, tokens.get(firstJudge)).stream().filter(c -> c.getString("code").equals("R1-003")).findFirst().orElseThrow();
        assertEquals("DRAFT", again.getString("status"));
        String path = "/api/v1/judging/scorecards/" + again.getJsonNumber("scorecardId");
        assertEquals(200, api.put(path, RoundFixture.split(45), tokens.get(firstJudge)).status());
        assertEquals(200, api.post(path + "/submit", "", tokens.get(firstJudge), null).status());

        Api.Reply closed = api.post("/api/v1/rounds/" + round + "/close", "", organiser, null);
        assertEquals(200, closed.status(), closed.body());
        try (Connection db = server.connect()) {
            String frozen = single(db, "select ranking_json from judging_round where id = ?", round);
            assertTrue(frozen.contains("评审委员会合议"), frozen);
            assertEquals("1", single(db, "select count(*) from audit_event where action = 'ROUND_CUT_RESOLVED' and subject = ?", "round:" + round));
            assertEquals("1", single(db, "select count(*) from audit_event where action = 'SCORECARD_REOPENED' and subject = ?", "round:" + round));
        }

        long top2 = createRound(api, organiser, contest.code(), "\"fromRound\":%d,\"top\":2".formatted(round), tokens.keySet());
        long selected = createRound(api, organiser, contest.code(), "\"fromRound\":%d".formatted(round), tokens.keySet());
        assertEquals(400, api.post("/api/v1/rounds", """
                {"contest":"%s","name":"终评","fromRound":%d,"top":9,%s,"judges":["%s"]}"""
                .formatted(contest.code(), round, RUBRIC, firstJudge), organiser, null).status(), "only three entries to take from");
        try (Connection db = server.connect()) {
            assertEquals(Set.of(a, b), entryIds(db, top2));
            assertEquals(Set.of(b), entryIds(db, selected), "without a number: the entries the round selected");
        }
    }

    @Test
    void aDisputedEntryGetsAThirdMarkerInBalancedMode(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        RoundFixture.acceptedEntry(api, organiser, contest, "争议故事");
        Map<String, String> tokens = judges(api, organiser, 3);
        long mistaken = createRound(api, organiser, contest.code(), "\"mode\":\"ALL\"", tokens.keySet());
        assertEquals(204, api.delete("/api/v1/rounds/" + mistaken, organiser).status(), "a round not yet open can be deleted");
        assertEquals(404, api.get("/api/v1/rounds/" + mistaken, organiser, null).status());
        long round = createRound(api, organiser, contest.code(), "\"mode\":\"ALL\"", tokens.keySet());
        String balanced = """
                {"name":"初评","mode":"BALANCED","judgesPerEntry":2,%s,"judges":["%s"]}""".formatted(RUBRIC, String.join("\",\"", tokens.keySet()));
        Api.Reply updated = api.put("/api/v1/rounds/" + round, balanced, organiser);
        assertEquals(200, updated.status(), updated.body());
        assertEquals("BALANCED", updated.json().getString("mode"));
        assertEquals(1, updated.json().getInt("sequenceNo"), "the deleted round left its number free: " + updated.body());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        assertEquals(409, api.put("/api/v1/rounds/" + round, balanced, organiser).status(), "the rules froze when the round opened");
        assertEquals(409, api.delete("/api/v1/rounds/" + round, organiser).status());
        int[] totals = {90, 40};
        int i = 0;
        for (String token : tokens.values()) {
            for (JsonObject card : cards(api, token)) {
                String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
                assertEquals(200, api.put(path, RoundFixture.split(totals[i++]), token).status());
                assertEquals(200, api.post(path + "/submit", "", token, null).status());
            }
        }
        JsonObject ranking = api.get("/api/v1/rounds/" + round + "/ranking", organiser, null).json();
        assertTrue(ranking.getJsonArray("order").getJsonObject(0).getBoolean("disagreement"), "90 against 40 of 100 is above 20 %");
        Api.Reply added = api.post("/api/v1/rounds/" + round + "/third-markers", "", organiser, null);
        assertEquals(200, added.status(), added.body());
        assertEquals(List.of("R1-001"), added.json().getJsonArray("added").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        long holders = assignments(api, organiser, round).values().stream().filter(l -> l.contains("R1-001")).count();
        assertEquals(3, holders, "the third judge now holds it");
        String third = null;
        for (Map.Entry<String, String> judge : tokens.entrySet()) {
            if (cards(api, judge.getValue()).stream().anyMatch(c -> c.getString("status").equals("DRAFT"))) {
                third = judge.getKey();
            }
        }
        JsonObject reminded = api.post("/api/v1/rounds/" + round + "/remind", "", organiser, null).json();
        assertEquals(List.of(third), reminded.getJsonArray("reminded").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList(), "only the judge with a scorecard to do");
        assertEquals(List.of(), api.post("/api/v1/rounds/" + round + "/third-markers", "", organiser, null).json()
                .getJsonArray("added").stream().toList(), "once per entry");
    }

    @Test
    void twoJudgesSteppingAsideFromOneEntryAtOnceGetTwoDifferentReplacements(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        RoundFixture.acceptedEntry(api, organiser, contest, "一个故事");
        Map<String, String> tokens = judges(api, organiser, 5);
        long round = createRound(api, organiser, contest.code(), "\"mode\":\"BALANCED\",\"judgesPerEntry\":2,\"minScores\":2",
                tokens.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        List<String> holders = assignments(api, organiser, round).entrySet().stream()
                .filter(e -> e.getValue().contains("R1-001")).map(Map.Entry::getKey).toList();
        assertEquals(2, holders.size());
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (String holder : holders) {
            String token = tokens.get(holder);
            String path = "/api/v1/judging/scorecards/" + cards(api, token).get(0).getJsonNumber("scorecardId") + "/conflict";
            threads.add(new Thread(() -> {
                try {
                    statuses.add(api.post(path, "{\"reason\":\"同村\"}", token, null).status());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(204, 204), statuses);
        List<String> now = assignments(api, organiser, round).entrySet().stream()
                .filter(e -> e.getValue().contains("R1-001")).map(Map.Entry::getKey).toList();
        assertEquals(2, now.size(), "two new judges: " + now);
        assertTrue(now.stream().noneMatch(holders::contains), now + " after " + holders);
    }

    @Test
    void twoJudgesScoringAtOnceLoseNothing(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        for (int e = 0; e < 8; e++) {
            RoundFixture.acceptedEntry(api, organiser, contest, "并发故事" + e);
        }
        Map<String, String> tokens = judges(api, organiser, 2);
        long round = createRound(api, organiser, contest.code(), "\"mode\":\"ALL\"", tokens.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> expected = new java.util.concurrent.ConcurrentHashMap<>();
        int j = 0;
        for (Map.Entry<String, String> judge : tokens.entrySet()) {
            int offset = 10 * j++;
            threads.add(new Thread(() -> {
                try {
                    for (JsonObject card : cards(api, judge.getValue())) {
                        String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
                        int total = 50 + offset + Integer.parseInt(card.getString("code").substring(3));
                        // Two saves in a row from the same judge, as from a double click, then the submit.
                        assertEquals(200, api.put(path, RoundFixture.split(total - 1), judge.getValue()).status());
                        assertEquals(200, api.put(path, RoundFixture.split(total), judge.getValue()).status());
                        assertEquals(200, api.post(path + "/submit", "", judge.getValue(), null).status());
                        expected.put(judge.getKey() + "/" + card.getString("code"), total * 2);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        Map<String, Integer> stored = new HashMap<>();
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement("""
                select a.username, re.code, s.total_half_points, s.status from scorecard s join round_entry re on re.id = s.round_entry_id
                join account a on a.id = s.judge_id where re.round_id = ?""")) {
            q.setLong(1, round);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    assertEquals("SUBMITTED", rows.getString(4));
                    stored.put(rows.getString(1) + "/" + rows.getString(2), rows.getInt(3));
                }
            }
        }
        assertEquals(16, stored.size());
        assertEquals(expected, stored, "every judge's every final total is in the database");
    }

    static Map<String, String> judges(Api api, String organiser, int count) throws Exception {
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = Api.uniqueName("jr");
            RoundFixture.account(api, organiser, name, "JUDGE", null);
            tokens.put(name, api.token(name, PASSWORD));
        }
        return tokens;
    }

    static long createRound(Api api, String organiser, String contest, String rules, Set<String> judges) throws Exception {
        Api.Reply round = api.post("/api/v1/rounds", """
                {"contest":"%s","name":"初评",%s,%s,"judges":["%s"]}""".formatted(contest, rules, RUBRIC, String.join("\",\"", judges)),
                organiser, null);
        assertEquals(201, round.status(), round.body());
        return round.json().getJsonNumber("id").longValue();
    }

    /** All the judge's scorecards, page after page (the list is paged since issue 15). */
    static List<JsonObject> cards(Api api, String token) throws Exception {
        List<JsonObject> all = new java.util.ArrayList<>();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            Api.Reply reply = api.get("/api/v1/judging/scorecards?size=200&page=" + page, token, null);
            pages = Integer.parseInt(reply.raw().headers().firstValue("X-Page-Count").orElseThrow());
            reply.structure().asJsonArray().stream().map(JsonValue::asJsonObject).forEach(all::add);
        }
        return all;
    }

    private static Map<String, List<String>> assignments(Api api, String organiser, long round) throws Exception {
        JsonObject json = api.get("/api/v1/rounds/" + round + "/assignments", organiser, null).json();
        Map<String, List<String>> map = new HashMap<>();
        json.forEach((judge, codes) -> map.put(judge, codes.asJsonArray().getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList()));
        return map;
    }

    private static Set<Long> entryIds(Connection db, long round) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement("select entry_id from round_entry where round_id = ?")) {
            q.setLong(1, round);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static String single(Connection db, String sql, Object parameter) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
