package app.laurel.it;

import jakarta.json.JsonObject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log (issue 14): a judge changes a score, and the organiser finds it on the log page by that judge, with the
 * entry's neutral code and the score before and after; the contest and date filters, the Excel export and the API agree;
 * judges and citizens are refused; and the database itself refuses to change or delete a line.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class AuditLogIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void anOrganiserFindsAJudgesScoreChangeAndNobodyCanRewriteIt(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "审计日志测试");
        RoundFixture.acceptedEntry(api, organiser, contest, "审计日志里的故事");
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 1);
        String judge = judges.keySet().iterator().next();
        String judgeToken = judges.get(judge);
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":1", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        JsonObject card = JudgingRulesIT.cards(api, judgeToken).get(0);
        String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
        assertEquals(200, api.put(path, RoundFixture.scores(25, 25, 15, 15), judgeToken).status(), "scored for the first time");
        assertEquals(200, api.put(path, RoundFixture.scores(25, 25, 15, 15), judgeToken).status(), "saved unchanged");
        assertEquals(200, api.put(path, RoundFixture.scores(27.5, 25, 15, 14), judgeToken).status(), "changed");

        // The API: exactly one change, by the judge, named by the entry's code, before → after.
        JsonObject found = api.get("/api/v1/audit?account=" + judge + "&action=SCORE_CHANGED", organiser, null).json();
        assertEquals(1, found.getInt("total"), found.toString());
        JsonObject line = found.getJsonArray("lines").getJsonObject(0);
        assertEquals(judge, line.getString("actor"));
        assertEquals(contest.code(), line.getString("contest"));
        assertEquals("R1-001", line.getString("detail"), "the entry's code, never its author or title");
        assertEquals("思想性 25；表现力 15", line.getString("before"));
        assertEquals("思想性 27.5；表现力 14", line.getString("after"));
        assertEquals("修改评分", line.getString("actionText"));

        // The contest's own lines, whatever their subject (contest:, entry:, round:), and only those.
        JsonObject ofContest = api.get("/api/v1/audit?contest=" + contest.code() + "&size=200", organiser, null).json();
        List<String> actions = ofContest.getJsonArray("lines").stream().map(v -> v.asJsonObject().getString("action")).toList();
        for (String expected : List.of("CONTEST_CREATED", "ENTRY_SUBMITTED", "ENTRY_ACCEPTED", "ROUND_CREATED", "ROUND_OPENED", "SCORE_CHANGED")) {
            assertTrue(actions.contains(expected), expected + " in " + actions);
        }
        assertTrue(ofContest.getJsonArray("lines").stream().allMatch(v -> contest.code().equals(v.asJsonObject().getString("contest"))));
        int total = ofContest.getInt("total");
        assertEquals(actions.size(), total);
        LocalDate today = LocalDate.now(BEIJING);
        assertEquals(total, count(api, organiser, "contest=" + contest.code() + "&from=" + today + "&to=" + today), "today, Beijing");
        assertEquals(0, count(api, organiser, "contest=" + contest.code() + "&from=" + today.plusDays(1)), "from tomorrow");
        assertEquals(0, count(api, organiser, "contest=" + contest.code() + "&to=" + today.minusDays(1)), "until yesterday");
        assertEquals(400, api.get("/api/v1/audit?from=" + today + "&to=" + today.minusDays(1), organiser, null).status());

        // Who sees what: the judge's token issue is an account line, the administrator's to see, not the organiser's.
        String admin = api.token("admin", "Laurel2026");
        assertEquals(1, count(api, admin, "account=" + judge + "&action=TOKEN_ISSUED"));
        assertEquals(0, count(api, organiser, "account=" + judge + "&action=TOKEN_ISSUED"));

        // The page, on a laptop: filtered by the judge, the change is there in plain words with its code.
        Journey.laptop(browser);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        browser.get(server.baseUrl() + "/organiser/audit.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filter:account"))).sendKeys(judge);
        browser.findElement(By.id("filter:search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("total"), "共 1 条记录"));
        String row = browser.findElement(By.id("log:lines_data")).getText();
        assertTrue(row.contains("修改评分") && row.contains("SCORE_CHANGED") && row.contains("R1-001"), row);
        assertTrue(row.contains("思想性 25；表现力 15 → 思想性 27.5；表现力 14"), row);
        assertTrue(row.contains(judge) && row.contains(contest.code()), row);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("log:lines_data")));
        Journey.check(browser, "audit-1-by-judge");
        Journey.phone(browser);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("log:lines_data")));
        Journey.check(browser, "audit-1-phone");
        Journey.laptop(browser);

        // By contest, from the address; the export holds the same lines as the API, in the same order.
        browser.get(server.baseUrl() + "/organiser/audit.xhtml?contest=" + contest.code());
        wait.until(ExpectedConditions.textToBe(By.id("total"), "共 " + total + " 条记录"));
        Journey.check(browser, "audit-2-by-contest");
        String href = browser.findElement(By.id("export")).getAttribute("href");
        assertTrue(href.endsWith("/api/v1/audit/lines.xlsx?contest=" + contest.code()), href);
        List<List<String>> sheet = sheet(api.bytes("/api/v1/audit/lines.xlsx?contest=" + contest.code(), organiser));
        assertEquals(List.of("时间", "账号", "操作", "操作代码", "活动", "对象", "说明", "改动前", "改动后"), sheet.get(0));
        assertEquals(actions, sheet.subList(1, sheet.size()).stream().map(r -> r.get(3)).toList());
        List<String> change = sheet.stream().filter(r -> r.get(3).equals("SCORE_CHANGED")).findFirst().orElseThrow();
        assertEquals(List.of(judge, "修改评分", "SCORE_CHANGED", contest.code(), "round:" + round, "R1-001",
                "思想性 25；表现力 15", "思想性 27.5；表现力 14"), change.subList(1, 9));
        assertEquals(List.of("时间", "账号", "操作", "操作代码", "活动", "对象", "说明", "改动前", "改动后"),
                sheet(api.bytes("/api/v1/audit/lines.xlsx?account=nobody-at-all", organiser)).get(0), "an empty export is a valid workbook");

        // Judges and citizens are refused, on the API and on the page.
        String citizen = api.token(api.registerCitizen(RoundFixture.PASSWORD), RoundFixture.PASSWORD);
        for (String refused : List.of(judgeToken, citizen)) {
            assertEquals(403, api.get("/api/v1/audit", refused, null).status());
            assertEquals(403, api.get("/api/v1/audit/lines.xlsx", refused, null).status());
        }
        browser.manage().deleteAllCookies();
        PageActions.logIn(browser, server, judge, RoundFixture.PASSWORD);
        assertEquals(403, pageStatus(server, "/organiser/audit.xhtml", PageActions.cookieHeader(browser)));

        // The database refuses to change or delete a line, for the portal's own database account too.
        long id = line.getJsonNumber("id").longValue();
        try (Connection db = server.connect()) {
            for (String sql : List.of("update audit_event set after_value = '思想性 30' where id = ?", "delete from audit_event where id = ?")) {
                try (PreparedStatement change2 = db.prepareStatement(sql)) {
                    change2.setLong(1, id);
                    SQLException refused = assertThrows(SQLException.class, change2::executeUpdate, sql);
                    assertEquals("45000", refused.getSQLState(), refused.getMessage());
                }
            }
            try (PreparedStatement read = db.prepareStatement("select after_value, actor from audit_event where id = ?")) {
                read.setLong(1, id);
                try (ResultSet rows = read.executeQuery()) {
                    assertTrue(rows.next(), "the line is still there");
                    assertEquals("思想性 27.5；表现力 14", rows.getString(1));
                    assertEquals(judge, rows.getString(2));
                }
            }
            backfillAgrees(db, contest.code());
        }
    }

    /**
     * V22 gave the lines written before it their contest from their subject. Run on a copy of today's log with the
     * contest left out, its statements give every line the contest the application gave it when writing.
     */
    private static void backfillAgrees(Connection db, String contest) throws Exception {
        String migration;
        try (InputStream in = AuditLogIT.class.getResourceAsStream("/db/migration/V22__audit_log.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement sql = db.createStatement()) {
            sql.execute("create temporary table audit_copy (id bigint primary key, subject varchar(128) null, expected varchar(20) null, "
                    + "contest_code varchar(20) null, index (subject)) default charset = utf8mb4 collate = utf8mb4_unicode_ci");
            sql.execute("insert into audit_copy select id, subject, contest_code, null from audit_event");
            int run = 0;
            for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
                if (statement.strip().startsWith("UPDATE audit_event")) {
                    sql.executeUpdate(statement.replace("audit_event", "audit_copy"));
                    run++;
                }
            }
            assertEquals(9, run, "the backfill's statements");
            List<String> differ = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select id, subject, expected, contest_code from audit_copy "
                    + "where (contest_code is not null and (expected is null or expected <> contest_code)) "
                    + "or (expected = '" + contest + "' and contest_code is null)")) {
                while (rows.next()) {
                    differ.add(rows.getLong(1) + " " + rows.getString(2) + ": " + rows.getString(3) + " / " + rows.getString(4));
                }
            }
            assertEquals(List.of(), differ, "written / backfilled");
            try (ResultSet rows = sql.executeQuery("select count(*) from audit_copy where contest_code = '" + contest + "'")) {
                rows.next();
                assertTrue(rows.getInt(1) >= 6, "the contest's lines were found again");
            }
            sql.execute("drop temporary table audit_copy");
        }
    }

    private static int count(Api api, String token, String query) throws Exception {
        Api.Reply reply = api.get("/api/v1/audit?" + query, token, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getInt("total");
    }

    private static List<List<String>> sheet(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(1, book.getNumberOfSheets());
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    cells.add(row.getCell(i) == null ? "" : row.getCell(i).getStringCellValue());
                }
                rows.add(cells);
            }
        }
        assertFalse(rows.isEmpty());
        return rows;
    }

    private static int pageStatus(TestServer server, String path, String cookie) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Cookie", cookie)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
