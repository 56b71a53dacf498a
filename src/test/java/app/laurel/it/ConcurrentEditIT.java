package app.laurel.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two organisers change one contest: the version they read travels with their write, so one of two saves made
 * from the same version is refused (409) and never silently undoes the other, whether they race or one is late.
 */
@ExtendWith(LaurelServerExtension.class)
class ConcurrentEditIT {

    private static final String PASSWORD = "Organiser2026race";

    private TestServer server;
    private Api api;
    private String first;
    private String second;
    private String secondName;

    @BeforeEach
    void connect(TestServer server) throws Exception {
        this.server = server;
        this.api = new Api(server);
        this.first = api.token("organiser", "Laurel2026");
        this.secondName = Api.uniqueName("org");
        String admin = api.token("admin", "Laurel2026");
        Api.Reply created = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"第二组委","role":"ORGANISER","initialPassword":"%s"}""".formatted(secondName, PASSWORD),
                admin, null);
        assertEquals(201, created.status(), created.body());
        this.second = api.token(secondName, PASSWORD);
    }

    @Test
    void twoOrganisersSavingOneContestAtOnceGetOneSaveAndOneRefusal() throws Exception {
        String code = newContest();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                Api.Reply read = api.get("/api/v1/contests/" + code, first, null);
                String etag = read.raw().headers().firstValue("ETag").orElseThrow();
                CountDownLatch gate = new CountDownLatch(1);
                String mine = "第一组委的标题" + attempt;
                String theirs = "第二组委的标题" + attempt;
                Future<Api.Reply> one = pool.submit(racer(gate, code, mine, first, etag));
                Future<Api.Reply> two = pool.submit(racer(gate, code, theirs, second, etag));
                gate.countDown();
                Api.Reply a = one.get(120, TimeUnit.SECONDS);
                Api.Reply b = two.get(120, TimeUnit.SECONDS);
                List<Integer> statuses = new ArrayList<>(List.of(a.status(), b.status()));
                statuses.sort(null);
                assertEquals(List.of(200, 409), statuses, "try " + attempt + ": " + a.body() + " / " + b.body());
                Api.Reply refused = a.status() == 409 ? a : b;
                assertTrue(refused.json().getString("message").contains("已被他人修改"), refused.body());
                String winner = a.status() == 200 ? mine : theirs;
                assertEquals(winner, storedTitle(code), "try " + attempt + ": the saved title is the one answered 200");
                assertEquals(Long.parseLong(etag.replace("\"", "")) + 1, storedVersion(code), "one save, one version step");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStalePutAfterANewerChangeIsRefusedAndSaysWhoChangedWhat() throws Exception {
        String code = newContest();
        Api.Reply read = api.get("/api/v1/contests/" + code, first, null);
        long loaded = read.json().getJsonNumber("version").longValue();
        assertEquals("\"" + loaded + "\"", read.raw().headers().firstValue("ETag").orElseThrow(), "the ETag is the version in the body");

        Api.Reply newer = api.put("/api/v1/contests/" + code, settings(code, "第二组委改过的标题", "0551-1234567", loaded), second, null);
        assertEquals(200, newer.status(), newer.body());
        assertEquals(loaded + 1, newer.json().getJsonNumber("version").longValue());
        assertEquals("\"" + (loaded + 1) + "\"", newer.raw().headers().firstValue("ETag").orElseThrow());

        Api.Reply stale = api.put("/api/v1/contests/" + code, settings(code, "第一组委的旧标题", "0551-1234567", loaded), first, null);
        assertEquals(409, stale.status(), stale.body());
        JsonObject conflict = stale.json();
        assertTrue(conflict.getString("message").contains("已被他人修改") && conflict.getString("message").contains(secondName),
                conflict.toString());
        assertEquals(secondName, conflict.getString("changedBy"));
        assertTrue(Duration.between(Instant.parse(conflict.getString("changedAt")), Instant.now()).abs().toMinutes() < 10);
        assertEquals(loaded + 1, conflict.getJsonNumber("currentVersion").longValue());
        List<String> fields = conflict.getJsonArray("fields").stream().map(JsonValue::asJsonObject).map(f -> f.getString("field")).toList();
        assertEquals(List.of("title"), fields, "only the title differs between the stale write and what is stored");
        assertEquals("第二组委改过的标题", storedTitle(code), "the newer change stays");

        Api.Reply staleByHeader = api.put("/api/v1/contests/" + code, settings(code, "第一组委的旧标题", "0551-1234567", null), first,
                "\"" + loaded + "\"");
        assertEquals(409, staleByHeader.status(), "If-Match is honoured like the body's version: " + staleByHeader.body());
        assertEquals(400, api.put("/api/v1/contests/" + code, settings(code, "x", "y", loaded), first, "\"" + (loaded + 1) + "\"").status(),
                "an If-Match and a version that disagree are refused, not guessed");

        Api.Reply current = api.put("/api/v1/contests/" + code, settings(code, "第一组委核对后的标题", "0551-1234567", null), first,
                newer.raw().headers().firstValue("ETag").orElseThrow());
        assertEquals(200, current.status(), "a write based on the current version goes through: " + current.body());
        assertEquals("第一组委核对后的标题", storedTitle(code));
        assertFalse(conflict.containsKey("stack"));
    }

    @Test
    void theContractSaysHowVersionsTravel() throws Exception {
        JsonObject paths = api.get("/openapi?format=JSON", null, null).json().getJsonObject("paths");
        String path = paths.keySet().stream().filter(p -> p.startsWith("/api/v1/contests/{code") && !p.contains("units")).findFirst().orElseThrow();
        JsonObject put = paths.getJsonObject(path).getJsonObject("put");
        assertTrue(put.getJsonArray("parameters").stream().map(JsonValue::asJsonObject)
                .anyMatch(p -> p.getString("name").equals("If-Match") && p.getString("in").equals("header")), put.toString());
        assertTrue(put.getJsonObject("responses").containsKey("409"), put.toString());
        assertTrue(put.getJsonObject("requestBody").toString().contains("version") || paths.toString().contains("version"));
        JsonObject get = paths.getJsonObject(path).getJsonObject("get");
        JsonObject answers = get.getJsonObject("responses");
        JsonObject success = answers.containsKey("200") ? answers.getJsonObject("200") : answers.getJsonObject("default");
        assertTrue(success.containsKey("headers") && success.getJsonObject("headers").containsKey("ETag"), get.toString());
    }

    private Callable<Api.Reply> racer(CountDownLatch gate, String code, String title, String token, String etag) {
        return () -> {
            gate.await();
            return api.put("/api/v1/contests/" + code, settings(code, title, "0551-7654321", null), token, etag);
        };
    }

    private String newContest() throws Exception {
        String code = "V" + Api.uniqueName("").toUpperCase(Locale.ROOT).substring(0, 8);
        Api.Reply created = api.post("/api/v1/contests", settings(code, "并发测试活动", "0551-1234567", null), first, null);
        assertEquals(201, created.status(), created.body());
        return code;
    }

    static String settings(String code, String title, String contact, Long version) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return """
                {"code":"%s","title":"%s","theme":"测试","organisingBody":"县禁毒委员会","contact":"%s",
                 "phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"}},
                 "categories":["缉毒执法案例"],"story":{"minChars":10,"maxChars":800,"maxImages":3,"attachmentAllowed":false},
                 "publicEntryLimit":2%s}""".formatted(code, title, contact, start, start.plus(Duration.ofDays(3650)),
                version == null ? "" : ",\"version\":" + version);
    }

    private String storedTitle(String code) throws Exception {
        return stored(code, "title");
    }

    private long storedVersion(String code) throws Exception {
        return Long.parseLong(stored(code, "version"));
    }

    private String stored(String code, String column) throws Exception {
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement("select " + column + " from contest where code = ?")) {
            q.setString(1, code);
            try (ResultSet rows = q.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }
}
