package app.laurel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Accounts, entries and scores for judging tests, made through the API as an organiser or citizen would. */
final class RoundFixture {

    static final String PASSWORD = "Judge2026panel";
    static final String[] CRITERIA = {"思想性", "真实性", "感染力", "表现力"};
    static final String RUBRIC = """
            "criteria":[{"name":"思想性","maxPoints":30,"primary":true},{"name":"真实性","maxPoints":30},
                        {"name":"感染力","maxPoints":20},{"name":"表现力","maxPoints":20}]""";

    private RoundFixture() {
    }

    /** A contest open for entries now, with one category; its code and the category's id. */
    record ContestRef(String code, long category) {
    }

    static ContestRef contest(Api api, String organiser) throws Exception {
        return contest(api, organiser, "评审测试");
    }

    static ContestRef contest(Api api, String organiser, String title) throws Exception {
        return contest(api, organiser, title, null);
    }

    /** A contest whose notices and certificates are issued by {@code organisingBody} (主办单位). */
    static ContestRef contest(Api api, String organiser, String title, String organisingBody) throws Exception {
        String code = "J" + Api.uniqueName("").toUpperCase(java.util.Locale.ROOT).substring(0, 8);
        java.time.Instant now = java.time.Instant.now();
        String body = organisingBody == null ? "" : "\"organisingBody\":\"" + organisingBody + "\",";
        Api.Reply created = api.post("/api/v1/contests", """
                {"code":"%s","title":"%s",%s"phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"}},
                 "categories":["禁毒志愿者"],"story":{"minChars":10,"maxChars":2000,"maxImages":2,"attachmentAllowed":true}}"""
                .formatted(code, title, body, now.minus(java.time.Duration.ofHours(1)), now.plus(java.time.Duration.ofDays(3))), organiser, null);
        assertEquals(201, created.status(), created.body());
        long category = api.get("/api/v1/contests/" + code, null, null).json().getJsonArray("categories")
                .getJsonObject(0).getJsonNumber("id").longValue();
        return new ContestRef(code, category);
    }

    /** Submits an entry as a new citizen and accepts it as the organiser; the entry's id. */
    static long acceptedEntry(Api api, String organiser, ContestRef contest, String title) throws Exception {
        long id = entry(api, api.token(api.registerCitizen(PASSWORD), PASSWORD), contest.code(), contest.category(), title, null, null);
        accept(api, organiser, contest.code(), id);
        return id;
    }

    /** A township with its administrator, enrolled in a contest (quota one). */
    record Township(String admin, String name, long id) {
    }

    static Township township(Api api, TestServer server, String organiser, String contest) throws Exception {
        String name = "测试镇" + Api.uniqueName("").substring(0, 8);
        String admin = Api.uniqueName("twn");
        Api.Reply account = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"联络员","role":"UNIT_ADMIN","unitName":"%s","unitType":"TOWNSHIP","initialPassword":"%s"}"""
                .formatted(admin, name, PASSWORD), organiser, null);
        assertEquals(201, account.status(), account.body());
        server.enrol(contest, name);
        long id = api.get("/api/v1/contests/" + contest, null, null).json().getJsonArray("units").stream()
                .map(jakarta.json.JsonValue::asJsonObject).filter(u -> u.getString("name").equals(name))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        return new Township(admin, name, id);
    }

    /** A new citizen's story naming a township, submitted and accepted; the entry's id. */
    static long acceptedNaming(Api api, String organiser, String contest, long category, String title, long township) throws Exception {
        return acceptedNaming(api, organiser, contest, category, title, township, "这是一个真实的禁毒故事，讲述了社区的变化。", null);
    }

    /** The same with its own story and a picture (a {@code png} the citizen uploads), or none. */
    static long acceptedNaming(Api api, String organiser, String contest, long category, String title, long township, String story,
                               java.nio.file.Path png) throws Exception {
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        Api.Reply draft = api.post("/api/v1/entries", """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"%s","bodyHtml":"<p>%s</p>",
                 "originalityDeclared":true,"displayConsent":true,"townshipId":%d}""".formatted(contest, category, title, story, township),
                citizen, null);
        assertEquals(201, draft.status(), draft.body());
        long id = draft.json().getJsonNumber("id").longValue();
        if (png != null) {
            long file = api.upload(png, png.getFileName().toString(), citizen).json().getJsonObject("file").getJsonNumber("id").longValue();
            assertEquals(200, api.post("/api/v1/entries/" + id + "/files", "{\"fileId\":%d,\"role\":\"IMAGE\"}".formatted(file), citizen, null).status());
        }
        Api.Reply submitted = api.post("/api/v1/entries/" + id + "/submit", "", citizen, null);
        assertEquals(200, submitted.status(), submitted.body());
        accept(api, organiser, contest, id);
        return id;
    }

    static void accept(Api api, String organiser, String contest, long entry) throws Exception {
        assertEquals(200, api.post("/api/v1/screening/" + contest + "/entries/" + entry + "/decision",
                "{\"decision\":\"ACCEPT\"}", organiser, null).status());
    }

    static void account(Api api, String organiser, String username, String role, String unit) throws Exception {
        Api.Reply reply = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"%s","role":"%s",%s"initialPassword":"%s"}"""
                .formatted(username, username, role, unit == null ? "" : "\"unitName\":\"" + unit + "\",\"unitType\":\"MEMBER\",", PASSWORD),
                organiser, null);
        assertEquals(201, reply.status(), reply.body());
    }

    static long entry(Api api, String token, String contest, long category, String title, String author,
                      Long image) throws Exception {
        return entry(api, token, contest, category, title, author, image, "IMAGE");
    }

    static long entry(Api api, String token, String contest, long category, String title, String author,
                      Long file, String role) throws Exception {
        return entry(api, token, contest, category, title, author, file, role, "这是一个真实的禁毒故事，讲述了社区的变化。");
    }

    static long entry(Api api, String token, String contest, long category, String title, String author,
                      Long file, String role, String story) throws Exception {
        Long image = file;
        Api.Reply created = api.post("/api/v1/entries", ("{\"contest\":\"%s\",\"type\":\"STORY\",\"categoryId\":%d,\"title\":\"%s\","
                + "\"bodyHtml\":\"<p>%s</p>\",\"originalityDeclared\":true,\"displayConsent\":true%s}")
                .formatted(contest, category, title, story, author == null ? "" : ",\"authorName\":\"" + author + "\""), token, null);
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        if (image != null) {
            assertEquals(200, api.post("/api/v1/entries/" + id + "/files", "{\"fileId\":%d,\"role\":\"%s\"}".formatted(image, role), token, null).status());
        }
        Api.Reply submitted = api.post("/api/v1/entries/" + id + "/submit", "", token, null);
        assertEquals(200, submitted.status(), submitted.body());
        return id;
    }

    /** A published notice: its id, the short code of its public address and the end of its period. */
    record NoticeRef(long id, String code, java.time.Instant endsAt) {
    }

    /**
     * A round of three accepted entries scored by one judge (R1-001 first), closed, and its notice published for
     * the period from a minute ago to {@code openFor} after publication: R1-001 and R1-002 are listed.
     */
    static NoticeRef publishedNotice(Api api, String organiser, ContestRef contest, java.time.Duration openFor,
                                     String... titles) throws Exception {
        for (String title : titles) {
            acceptedEntry(api, organiser, contest, title);
        }
        java.util.Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 1);
        String judge = judges.values().iterator().next();
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":2", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        int total = 90;
        for (jakarta.json.JsonObject card : JudgingRulesIT.cards(api, judge)) {
            String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
            assertEquals(200, api.put(path, split(total -= 5), judge).status());
            assertEquals(200, api.post(path + "/submit", "", judge, null).status());
        }
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/close", "", organiser, null).status());
        jakarta.json.JsonObject notice = api.post("/api/v1/notices", "{\"roundId\":%d}".formatted(round), organiser, null).json();
        long id = notice.getJsonNumber("id").longValue();
        java.time.Instant endsAt = java.time.Instant.now().plus(openFor);
        assertEquals(200, api.put("/api/v1/notices/" + id, """
                {"title":"关于“讲述身边的禁毒故事”评选结果的公示","body":"现予公示。","order":"RANK","startsAt":"%s","endsAt":"%s",
                 "contact":"县禁毒办"}""".formatted(java.time.Instant.now().minusSeconds(60), endsAt), organiser).status());
        assertEquals(200, api.post("/api/v1/notices/" + id + "/publish", "", organiser, null).status());
        return new NoticeRef(id, notice.getString("shortCode"), endsAt);
    }

    /** A total split over the four criteria (30/30/20/20) in the same proportions, in half points. */
    static String split(int total) {
        double[] weights = {0.3, 0.3, 0.2, 0.2};
        double[] parts = new double[4];
        double assigned = 0;
        for (int i = 0; i < 3; i++) {
            parts[i] = Math.round(total * weights[i] * 2) / 2.0;
            assigned += parts[i];
        }
        parts[3] = total - assigned;
        return scores(parts[0], parts[1], parts[2], parts[3]);
    }

    static String scores(double... values) {
        StringBuilder json = new StringBuilder("{\"scores\":{");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(CRITERIA[i]).append("\":").append(values[i]);
        }
        return json.append("}}").toString();
    }
}
