package app.laurel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fresh campaign through the API, with its own code, offices, accounts and units, so tests never share data. */
final class CampaignFixture {

    static final String ORGANISER = "organiser";
    static final String DEMO_PASSWORD = "Laurel2026";
    static final String PASSWORD = "Campaign2026ok";

    final Api api;
    final String organiserToken;
    final String code;

    CampaignFixture(Api api) throws Exception {
        this.api = api;
        this.organiserToken = api.token(ORGANISER, DEMO_PASSWORD);
        this.code = "T" + Api.uniqueName("").substring(0, 10);
        Api.Reply created = api.post("/api/v1/campaigns", """
                {"code":"%s","title":"测试专项行动","documentNo":"测教办〔2026〕1号"}""".formatted(code), organiserToken, null);
        assertEquals(201, created.status(), created.body());
    }

    long office(String name) throws Exception {
        Api.Reply reply = api.post(path("/offices"), "{\"name\":\"" + name + "\"}", organiserToken, null);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    /** Creates a REVIEWER account and ties it to the office; returns its username. */
    String reviewer(long officeId) throws Exception {
        String username = account("REVIEWER", null);
        Api.Reply tied = api.post(path("/offices/" + officeId + "/reviewers"), "{\"username\":\"" + username + "\"}",
                organiserToken, null);
        assertEquals(200, tied.status(), tied.body());
        return username;
    }

    /** Creates a unit's administrator (and so the unit); returns the username. */
    String unitAdmin(String unitName) throws Exception {
        return account("UNIT_ADMIN", unitName);
    }

    void enrol(String unitName) throws Exception {
        Api.Reply reply = api.post(path("/units"), "{\"unitName\":\"" + unitName + "\"}", organiserToken, null);
        assertEquals(200, reply.status(), reply.body());
    }

    long task(String text, String offices, String comparison, Integer target, String unit, String due) throws Exception {
        String targetJson = comparison == null ? "" : ",\"comparison\":\"%s\",\"target\":%d,\"targetUnit\":\"%s\""
                .formatted(comparison, target, unit);
        Api.Reply reply = api.post(path("/tasks"), """
                {"text":"%s","evidenceRequired":"查宣传图片","offices":[%s],"due":"%s"%s}"""
                .formatted(text, offices, due, targetJson), organiserToken, null);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    String path(String rest) {
        return "/api/v1/campaigns/" + code + rest;
    }

    private String account(String role, String unitName) throws Exception {
        String username = Api.uniqueName("c");
        Api.Reply reply = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"测试%s","role":"%s",%s"initialPassword":"%s"}"""
                .formatted(username, role, role, unitName == null ? "" : "\"unitName\":\"" + unitName + "\",\"unitType\":\"SCHOOL\",",
                        PASSWORD), organiserToken, null);
        assertEquals(201, reply.status(), reply.body());
        return username;
    }
}
