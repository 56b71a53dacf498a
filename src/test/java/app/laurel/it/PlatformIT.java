package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator checks: schema, health, OpenAPI, the demo contest, error pages. */
@ExtendWith(LaurelServerExtension.class)
class PlatformIT {

    private TestServer server;
    private Api api;

    @BeforeEach
    void connect(TestServer server) {
        this.server = server;
        this.api = new Api(server);
    }

    @Test
    void flywayOwnsTheSchemaAndEveryTableIsUtf8mb4() throws Exception {
        try (Connection db = server.connect(); Statement sql = db.createStatement()) {
            try (ResultSet rows = sql.executeQuery("select version, success from flyway_schema_history where version is not null order by installed_rank")) {
                assertTrue(rows.next(), "Flyway recorded its migrations");
                assertEquals("1", rows.getString(1));
                assertTrue(rows.getBoolean(2));
            }
            try (ResultSet rows = sql.executeQuery("""
                    select table_name, table_collation from information_schema.tables
                    where table_schema = database() and table_name <> 'flyway_schema_history'""")) {
                int tables = 0;
                while (rows.next()) {
                    tables++;
                    assertTrue(rows.getString(2).startsWith("utf8mb4"), rows.getString(1) + " is " + rows.getString(2));
                }
                assertTrue(tables >= 8, "the foundation tables exist, found " + tables);
            }
        }
    }

    @Test
    void demoContestIsLoadedOnceAndOpenForEntriesToday() throws Exception {
        Api.Reply reply = api.get("/api/v1/contests/HY2021", null, null);
        assertEquals(200, reply.status(), reply.body());
        JsonObject contest = reply.json();
        assertTrue(contest.getString("title").contains("讲述身边的禁毒故事"));
        assertTrue(contest.getBoolean("sample"), "the demo is marked as a sample");
        assertTrue(contest.getBoolean("acceptingEntries"), "submissions are open today by the server clock");
        assertEquals(6, contest.getJsonArray("categories").size());
        assertEquals("缉毒执法案例", contest.getJsonArray("categories").getJsonObject(0).getString("name"));
        try (Connection db = server.connect(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select (select count(*) from contest where code = 'HY2021'), "
                     + "(select count(*) from account a join account_role r on r.account_id = a.id where r.role = 'JUDGE' and a.username like 'judge_'), "
                     + "(select count(*) from unit where sample = true)")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
            assertEquals(7, rows.getInt(2), "seven demo judges");
            assertTrue(rows.getInt(3) >= 5, "sample units");
        }
        assertEquals(404, api.get("/api/v1/contests/NOPE", null, null).status());
    }

    @Test
    void healthOpenApiAndErrorPagesAnswer() throws Exception {
        Api.Reply ready = api.get("/health/ready", null, null);
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"database\"") && ready.body().contains("\"storage\""), ready.body());
        // The node found Payara's Data Grid (a grid of one under --nocluster) and, alone, leads the once-only work.
        assertTrue(ready.body().contains("\"cluster\"") && ready.body().contains("\"grid\":\"true\"")
                && ready.body().contains("\"members\":\"1\"") && ready.body().contains("\"leads\":\"true\""), ready.body());

        Api.Reply openapi = api.get("/openapi", null, null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/tokens"), "the token endpoint is documented");
        assertTrue(openapi.body().contains("/api/v1/registrations"));

        assertEquals("nosniff", ready.raw().headers().firstValue("X-Content-Type-Options").orElse(""));

        Api.Reply missing = api.get("/no-such-page.xhtml", null, null);
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("页面不存在"), "404 page in Chinese");
        assertFalse(missing.body().contains("Caused by") || missing.body().contains(".java:"), "no stack trace");

        Api.Reply missingResource = api.get("/api/v1/no-such-resource", null, "en");
        assertEquals(404, missingResource.status());
        assertEquals("not_found", missingResource.json().getString("error"));

        Api.Reply missingContest = api.get("/contest.xhtml?code=NOPE", null, null);
        assertEquals(404, missingContest.status());
    }

    @Test
    void readinessFailsWhileTheStorageDirectoryIsUnusable() throws Exception {
        Path storage = server.storageDir();
        Path aside = storage.resolveSibling("files-aside");
        Files.move(storage, aside);
        Files.writeString(storage, "not a directory");
        try {
            Api.Reply down = api.get("/health/ready", null, null);
            assertEquals(503, down.status(), down.body());
            assertTrue(down.body().contains("\"storage\",\"status\":\"DOWN\"") || down.body().matches("(?s).*storage.*DOWN.*"), down.body());
        } finally {
            Files.delete(storage);
            Files.move(aside, storage);
        }
        assertEquals(200, api.get("/health/ready", null, null).status());
    }

    /**
     * What a node sees when it could not join the cluster the others formed (issue 16): their heartbeats in the
     * shared database, two members that do not list it. It must report not ready and refuse traffic, so that the
     * load balancer sends people to the nodes that serve; once the rival side is gone it serves again.
     */
    @Test
    void aNodeThatFindsABiggerClusterAliveWithoutItReportsNotReadyAndTakesNoTraffic() throws Exception {
        assertEquals(200, api.get("/api/v1/contests/HY2021", null, null).status(), "serving before");
        try (Connection db = server.connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("""
                    insert into cluster_node (member_id, address, members, started_at, seen_at) values
                    ('rival-a', '192.0.2.1:5701', 'rival-a,rival-b', now(3) - interval 1 hour, now(3) + interval 40 second),
                    ('rival-b', '192.0.2.2:5701', 'rival-a,rival-b', now(3) - interval 1 hour, now(3) + interval 40 second)""");
        }
        try {
            Api.Reply down = until(503, "/health/ready");
            assertTrue(down.body().matches("(?s).*\"cluster\",\\s*\"status\":\\s*\"DOWN\".*"), down.body());
            assertTrue(down.body().contains("192.0.2.1:5701 with 2 member(s)"), "names the side it yields to: " + down.body());
            Api.Reply home = api.get("/", null, null);
            assertEquals(503, home.status(), "no page is served");
            assertEquals("10", home.raw().headers().firstValue("Retry-After").orElse(""));
            assertEquals(503, api.get("/api/v1/contests/HY2021", null, null).status(), "nor the API");
        } finally {
            try (Connection db = server.connect(); Statement sql = db.createStatement()) {
                sql.executeUpdate("delete from cluster_node where member_id in ('rival-a', 'rival-b')");
            }
            until(200, "/health/ready"); // the tests after this one need a serving node, whatever failed above
        }
        assertEquals(200, api.get("/api/v1/contests/HY2021", null, null).status(), "serving again");
    }

    /** Asks {@code path} until it answers {@code status}: the node judges its heartbeats every two seconds. */
    private Api.Reply until(int status, String path) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Api.Reply reply = api.get(path, null, null);
        while (reply.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(250);
            reply = api.get(path, null, null);
        }
        assertEquals(status, reply.status(), reply.body());
        return reply;
    }
}
