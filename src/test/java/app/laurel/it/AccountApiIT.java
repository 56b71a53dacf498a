package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration, tokens and role checks through the REST API, with what they leave in the database. */
@ExtendWith(LaurelServerExtension.class)
class AccountApiIT {

    private static final String PASSWORD = "Spring2026rain";

    private TestServer server;
    private Api api;

    @BeforeEach
    void connect(TestServer server) {
        this.server = server;
        this.api = new Api(server);
    }

    @Test
    void citizenRegistersGetsATokenAndReadsTheirAccount() throws Exception {
        String username = api.registerCitizen(PASSWORD);
        String token = api.token(username, PASSWORD);

        Api.Reply me = api.get("/api/v1/me", token, null);
        assertEquals(200, me.status(), me.body());
        assertEquals(username, me.json().getString("username"));
        assertEquals("测试群众", me.json().getString("displayName"));
        assertEquals("PUBLIC", me.json().getJsonArray("roles").getString(0));

        try (Connection db = server.connect();
             PreparedStatement query = db.prepareStatement(
                     "select a.password_hash, a.created_at, r.role from account a join account_role r on r.account_id = a.id where a.username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the account row exists");
                assertTrue(row.getString(1).startsWith("PBKDF2WithHmacSHA256:210000:"), "PBKDF2 hash, not the password");
                LocalDateTime created = row.getObject(2, LocalDateTime.class);
                Duration skew = Duration.between(created, LocalDateTime.now(ZoneOffset.UTC)).abs();
                assertTrue(skew.toMinutes() < 5, "created_at is stored in UTC, was " + created);
                assertEquals("PUBLIC", row.getString(3));
            }
        }
    }

    @Test
    void takenUsernameWeakPasswordAndBadPhoneAreRefusedInChineseAndCreateNothing() throws Exception {
        String taken = api.registerCitizen(PASSWORD);
        Api.Reply reply = api.post("/api/v1/registrations", """
                {"username":"%s","displayName":"重复","phone":"12345","password":"password"}""".formatted(taken), null, null);

        assertEquals(400, reply.status(), reply.body());
        JsonObject body = reply.json();
        assertEquals("invalid_input", body.getString("error"));
        String fields = body.getJsonArray("fields").toString();
        assertTrue(fields.contains("请输入 11 位中国大陆手机号码"), fields);
        assertTrue(fields.contains("密码须同时包含字母和数字") || fields.contains("密码长度"), fields);
        assertEquals(1, server.countAccounts(taken), "no second account with the taken name");

        String fresh = Api.uniqueName("weak");
        Api.Reply weak = api.post("/api/v1/registrations", """
                {"username":"%s","displayName":"弱密码","phone":"13812345678","password":"abc12345"}""".formatted(fresh),
                null, "en");
        assertEquals(400, weak.status());
        assertTrue(weak.json().getJsonArray("fields").toString().contains("too easy to guess"), weak.body());
        assertEquals(0, server.countAccounts(fresh), "a refused registration leaves no row");

        Api.Reply again = api.post("/api/v1/registrations", """
                {"username":"%s","displayName":"再次","phone":"13812345678","password":"%s"}""".formatted(taken, PASSWORD),
                null, null);
        assertEquals(400, again.status());
        assertTrue(again.json().getJsonArray("fields").toString().contains("该用户名已被使用"), again.body());
    }

    @Test
    void unknownTokenIs401AndMissingRoleIs403WithJsonBodies() throws Exception {
        Api.Reply unknown = api.get("/api/v1/me", "lrl_not-a-real-token", null);
        assertEquals(401, unknown.status());
        assertEquals("unauthenticated", unknown.json().getString("error"));
        assertEquals("访问令牌无效、已过期或已撤销。", unknown.json().getString("message"));

        Api.Reply anonymous = api.get("/api/v1/me", null, "en");
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("unauthenticated", anonymous.json().getString("error"));

        String citizen = api.registerCitizen(PASSWORD);
        String token = api.token(citizen, PASSWORD);
        Api.Reply forbidden = api.get("/api/v1/accounts", token, "en");
        assertEquals(403, forbidden.status(), forbidden.body());
        assertEquals("forbidden", forbidden.json().getString("error"));
        assertEquals("Your account may not do this.", forbidden.json().getString("message"));

        Api.Reply createAsCitizen = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"x","role":"JUDGE","initialPassword":"%s"}""".formatted(Api.uniqueName("j"), PASSWORD),
                token, null);
        assertEquals(403, createAsCitizen.status());
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndAStrongNewOne() throws Exception {
        String citizen = api.registerCitizen(PASSWORD);
        String token = api.token(citizen, PASSWORD);

        Api.Reply wrongCurrent = api.post("/api/v1/me/password", """
                {"currentPassword":"not-it-1","newPassword":"Winter2026snow"}""", token, null);
        assertEquals(400, wrongCurrent.status());
        assertTrue(wrongCurrent.body().contains("当前密码不正确"), wrongCurrent.body());

        Api.Reply weak = api.post("/api/v1/me/password", """
                {"currentPassword":"%s","newPassword":"short1"}""".formatted(PASSWORD), token, null);
        assertEquals(400, weak.status());

        Api.Reply changed = api.post("/api/v1/me/password", """
                {"currentPassword":"%s","newPassword":"Winter2026snow"}""".formatted(PASSWORD), token, null);
        assertEquals(204, changed.status(), changed.body());
        assertEquals(401, api.post("/api/v1/tokens", """
                {"username":"%s","password":"%s"}""".formatted(citizen, PASSWORD), null, null).status());
        assertEquals(200, api.get("/api/v1/me", api.token(citizen, "Winter2026snow"), null).status());
    }

    @Test
    void revokedTokenStopsWorking() throws Exception {
        String citizen = api.registerCitizen(PASSWORD);
        String token = api.token(citizen, PASSWORD);
        assertEquals(204, api.delete("/api/v1/tokens/current", token).status());
        assertEquals(401, api.get("/api/v1/me", token, null).status());
    }

    @Test
    void tenFailedLoginsInARowSlowFurtherAttempts() throws Exception {
        String citizen = api.registerCitizen(PASSWORD);
        Api api = this.api.from("10.11.0.1");
        for (int i = 1; i <= 10; i++) {
            Api.Reply wrong = api.post("/api/v1/tokens", """
                    {"username":"%s","password":"wrong-%d"}""".formatted(citizen, i), null, null);
            assertEquals(401, wrong.status(), "attempt " + i);
        }
        Api.Reply right = api.post("/api/v1/tokens", """
                {"username":"%s","password":"%s"}""".formatted(citizen, PASSWORD), null, "en");
        assertEquals(429, right.status(), "even the right password must wait now");
        assertEquals("too_many_requests", right.json().getString("error"));
        assertTrue(right.json().getString("message").startsWith("Too many failed logins"));
        long retryAfter = Long.parseLong(right.raw().headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 31, "Retry-After " + retryAfter);
    }

    @Test
    void organiserCreatesJudgeAndUnitAccountsButNotOrganisers() throws Exception {
        String organiserToken = api.token("organiser", "Laurel2026");
        String judge = Api.uniqueName("judge");
        Api.Reply created = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"王评委","role":"JUDGE","unitName":"县教育局（示例）","initialPassword":"%s"}"""
                .formatted(judge, PASSWORD), organiserToken, null);
        assertEquals(201, created.status(), created.body());
        assertEquals("县教育局（示例）", created.json().getString("unit"));
        assertEquals(200, api.get("/api/v1/me", api.token(judge, PASSWORD), null).status());

        String unitAdmin = Api.uniqueName("unit");
        Api.Reply noUnit = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"无单位","role":"UNIT_ADMIN","initialPassword":"%s"}"""
                .formatted(unitAdmin, PASSWORD), organiserToken, null);
        assertEquals(400, noUnit.status());
        assertEquals(0, server.countAccounts(unitAdmin));

        Api.Reply organiser = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"越权","role":"ORGANISER","initialPassword":"%s"}"""
                .formatted(Api.uniqueName("org"), PASSWORD), organiserToken, null);
        assertEquals(403, organiser.status(), organiser.body());

        String adminToken = api.token("admin", "Laurel2026");
        String newOrganiser = Api.uniqueName("org");
        Api.Reply byAdmin = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"新组委","role":"ORGANISER","initialPassword":"%s"}"""
                .formatted(newOrganiser, PASSWORD), adminToken, null);
        assertEquals(201, byAdmin.status(), byAdmin.body());
        String listed = api.get("/api/v1/accounts", adminToken, null).body();
        assertTrue(listed.contains("\"username\":\"" + newOrganiser + "\"") && listed.contains("\"ORGANISER\""), listed);
    }

}
