package app.laurel.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static app.laurel.it.RoundFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboards (数据看板) as an organiser sees them: every chart of a contest drawn by Chart.js with the numbers the
 * database holds, its table one click away with the same numbers, on a laptop and on a phone; the same figures from
 * the API and none for a judge; a campaign's units, offices and overdue tasks; and the page's SQL statements do not
 * grow with the entries and units (20 entries and 2 units against 60 and 6).
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class DashboardIT {

    private static final Map<String, String> STATUS = Map.of("SUBMITTED", "已提交", "ACCEPTED", "审查通过", "RETURNED", "退回修改",
            "REJECTED", "未通过", "WITHDRAWN", "已撤回", "WINNER", "获奖", "DISQUALIFIED", "已取消资格");

    @Test
    void anOrganiserSeesTheContestsFiguresDrawnAndTabledOnALaptopAndAPhone(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        World world = world(api, server, organiser);

        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        Journey.laptop(browser);
        browser.get(server.baseUrl() + "/organiser/workspace.xhtml?code=" + world.code);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.id("dashboardLink"))).click();
        Expected expected = expected(server, world);

        assertEquals(expected.byDay, counts(chart(browser, "byDay")), "entries per Asia/Shanghai day");
        assertEquals(new ArrayList<>(expected.byDay.keySet()), chart(browser, "byDay").labels, "days in order");
        assertEquals(expected.byCategory, counts(chart(browser, "byCategory")));
        assertEquals(Map.of("文字故事", (long) expected.received), counts(chart(browser, "byType")));
        assertEquals(expected.byStatus, counts(chart(browser, "byStatus")));
        assertEquals(Map.of("已受理，处理中", 1L, "异议成立", 0L, "异议不成立", 0L), counts(chart(browser, "objections")));
        Drawn units = chart(browser, "units");
        assertEquals(expected.counted, units.series("已报送"));
        assertEquals(Map.of(world.met, 1L, world.below, 1L), units.series("最低名额"));
        assertTrue(browser.findElement(By.id("chase")).getText().contains(world.below), "the unit below its minimum is named");
        assertTrue(browser.findElement(By.id("countdown")).getText().startsWith("距截止还有 2 天"), browser.findElement(By.id("countdown")).getText());

        Drawn judges = chart(browser, "judges");
        assertEquals(expected.submitted, judges.series("已提交"), "each judge's submitted scorecards");
        assertEquals(expected.open, judges.series("未完成"));
        assertEquals(expected.perEntry, counts(chart(browser, "perEntry")), "entries by the number of scores received");
        Drawn scores = chart(browser, "scores");
        Map<String, double[]> ranges = scores.ranges("最低到最高");
        Map<String, double[]> boxes = scores.ranges("四分位区间");
        expected.totals.forEach((judge, totals) -> {
            assertEquals(totals.get(0), ranges.get(judge)[0], judge + "'s lowest total");
            assertEquals(totals.get(totals.size() - 1), ranges.get(judge)[1], judge + "'s highest total");
        });
        assertTrue(boxes.get(world.lenient)[0] > boxes.get(world.harsh)[1], "the lenient judge's box lies right of the harsh one's");

        // The table behind each chart, one click away, says what the database says.
        assertEquals(expected.byDay, table(browser, "byDay"));
        assertEquals(expected.byStatus, table(browser, "byStatus"));
        assertEquals(expected.perEntry, table(browser, "perEntry"));
        Journey.check(browser, "dashboard-laptop");

        Journey.phone(browser);
        browser.navigate().refresh();
        for (String id : List.of("byDay", "units", "byCategory", "byType", "byStatus", "judges", "perEntry", "scores", "objections")) {
            Drawn drawn = chart(browser, id);
            assertTrue(drawn.width > 200 && drawn.width <= 390 && drawn.height > 100, id + " fits the phone: " + drawn.width + "×" + drawn.height);
        }
        assertEquals(expected.byCategory, table(browser, "byCategory"));
        Journey.check(browser, "dashboard-phone");

        // The API answers the same figures, and only to organisers.
        JsonObject json = api.get("/api/v1/contests/" + world.code + "/dashboard", organiser, null).json();
        Map<String, Long> byDay = new TreeMap<>();
        json.getJsonArray("byDay").forEach(v -> byDay.put(v.asJsonObject().getString("label"), v.asJsonObject().getJsonNumber("count").longValue()));
        assertEquals(expected.byDay, byDay);
        assertEquals(world.below, json.getJsonArray("units").stream().map(JsonValue::asJsonObject)
                .filter(u -> u.getBoolean("belowMinimum")).findFirst().orElseThrow().getString("unit"));
        assertEquals(403, api.get("/api/v1/contests/" + world.code + "/dashboard", world.judgeToken, null).status());
    }

    @Test
    void theCampaignDashboardShowsEachUnitsTasksEachOfficesProgressAndTheOverdueTasks(TestServer server, WebDriver browser,
                                                                                      @TempDir Path dir) throws Exception {
        Api api = new Api(server);
        CampaignFixture f = new CampaignFixture(api);
        long safety = f.office("安全科");
        f.office("信息科");
        String reviewer = api.token(f.reviewer(safety), CampaignFixture.PASSWORD);
        String first = "A看板学校" + f.code; // A before B in any collation: the chart lists units by name
        String second = "B看板学校" + f.code;
        String unit = api.token(f.unitAdmin(first), CampaignFixture.PASSWORD);
        f.unitAdmin(second);
        f.enrol(first);
        f.enrol(second);
        String due = LocalDate.now().plusDays(10).toString();
        long meeting = f.task("开展禁毒主题活动", "\"安全科\"", null, null, null, due);
        long posts = f.task("发布禁毒宣传信息", "\"信息科\"", null, null, null, due);
        long parents = f.task("召开禁毒家长会", "\"安全科\"", null, null, null, due);
        long photo = api.upload(TestFiles.png(dir, 320, 240), "宣传图片.png", unit).json().getJsonObject("file").getJsonNumber("id").longValue();
        JsonObject report = api.post(f.path("/tasks/" + meeting + "/report"), "{\"text\":\"已开展\",\"fileIds\":[" + photo + "]}", unit, null).json();
        Api.Reply accepted = api.post(f.path("/reports/" + report.getJsonNumber("id") + "/decision"), "{\"decision\":\"ACCEPT\"}", reviewer, null);
        assertEquals(200, accepted.status(), accepted.body());
        Api.Reply waiting = api.post(f.path("/tasks/" + posts + "/report"), "{\"text\":\"已发布\",\"fileIds\":[" + photo + "]}", unit, null);
        assertEquals(2, waiting.status() / 100, waiting.body());
        try (Connection db = server.connect(); PreparedStatement late = db.prepareStatement(
                "update campaign_task set due_at = date_sub(utc_timestamp(), interval 1 day) where id = ?")) {
            late.setLong(1, parents);
            late.executeUpdate();
        }

        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        Journey.laptop(browser);
        browser.get(server.baseUrl() + "/organiser/campaign.xhtml?campaign=" + f.code);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.id("dashboardLink"))).click();
        Drawn units = chart(browser, "perUnit");
        assertEquals(List.of(first, second), units.labels);
        assertEquals(Map.of(first, 1L, second, 0L), units.series("已完成"));
        assertEquals(Map.of(first, 1L, second, 0L), units.series("待审核"));
        assertEquals(Map.of(first, 1L, second, 3L), units.series("未报送"));
        Drawn overdue = chart(browser, "overdue");
        assertEquals(1, overdue.labels.size(), "only the task whose deadline passed");
        assertEquals(List.of(2L), new ArrayList<>(counts(overdue).values()), "both units sent nothing for it");
        Drawn offices = chart(browser, "perOffice");
        assertEquals(25.0, last(offices.sets.get("安全科")), "one of the office's 2 tasks × 2 units accepted");
        assertEquals(0.0, last(offices.sets.get("信息科")), "a report waiting for review is not done");
        browser.findElement(By.cssSelector("#perUnit summary")).click();
        String table = browser.findElement(By.id("perUnitTable")).getText();
        assertTrue(table.contains(first + " 1 1 0 1 33%"), table);
        Journey.check(browser, "campaign-dashboard-laptop");
        Journey.phone(browser);
        browser.navigate().refresh();
        assertTrue(chart(browser, "perOffice").width <= 390);
        Journey.check(browser, "campaign-dashboard-phone");
    }

    @Test
    void theDashboardSendsAsManyStatementsForSixtyEntriesAndSixUnitsAsForTwentyAndTwo(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        String cookie = PageActions.cookieHeader(browser);
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 2);
        long[] small = measure(server, api, organiser, judges, cookie, 20, 2);
        long[] large = measure(server, api, organiser, judges, cookie, 60, 6);
        System.out.printf("dashboard SQL statements, 20 entries and 2 units: page %d, API %d; 60 and 6: page %d, API %d%n",
                small[0], small[1], large[0], large[1]);
        assertEquals(small[0], large[0], "the page's statements do not grow with entries and units");
        assertEquals(small[1], large[1], "nor the API's");
    }

    /** Statements of the dashboard page and of its API for a contest of {@code size} entries and {@code units} units. */
    private long[] measure(TestServer server, Api api, String organiser, Map<String, String> judges, String cookie, int size,
                           int units) throws Exception {
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "看板计数" + size);
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long original = RoundFixture.entry(api, citizen, contest.code(), contest.category(), "计数的故事", null, null);
        RoundFixture.accept(api, organiser, contest.code(), original);
        List<Long> copies = BulkEntries.copy(server, original, size - 1);
        for (int i = 0; i < units; i++) {
            giveToUnit(server, copies.get(i), RoundFixture.township(api, server, organiser, contest.code()).id());
        }
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":10", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        for (String judge : judges.values()) {
            score(api, judge, contest.code(), List.of(80, 70));
        }
        String page = "/organiser/dashboard.xhtml?code=" + contest.code();
        StatementCountIT.page(server, page, cookie);
        String probe = Api.uniqueName("p");
        assertTrue(StatementCountIT.page(server, page + "&probe=" + probe, cookie).contains("scoresChart"), "the page draws the scores");
        long pageStatements = StatementCountIT.statements(server, probe);
        String api1 = "/api/v1/contests/" + contest.code() + "/dashboard";
        assertEquals(200, api.get(api1, organiser, null).status());
        String apiProbe = Api.uniqueName("p");
        assertEquals(200, api.get(api1 + "?probe=" + apiProbe, organiser, null).status());
        return new long[] {pageStatements, StatementCountIT.statements(server, apiProbe)};
    }

    /** A contest of two categories: a closed round, its notice with one objection, an open round of a lenient and a harsh judge. */
    private World world(Api api, TestServer server, String organiser) throws Exception {
        String code = "D" + Api.uniqueName("").toUpperCase(java.util.Locale.ROOT).substring(0, 8);
        java.time.Instant now = java.time.Instant.now();
        Api.Reply created = api.post("/api/v1/contests", """
                {"code":"%s","title":"看板测试","phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"}},
                 "categories":["禁毒志愿者","家庭禁毒"],"story":{"minChars":10,"maxChars":2000,"maxImages":2,"attachmentAllowed":true}}"""
                .formatted(code, now.minus(Duration.ofDays(5)), now.plus(Duration.ofDays(2)).plus(Duration.ofHours(3))), organiser, null);
        assertEquals(201, created.status(), created.body());
        JsonArray categories = api.get("/api/v1/contests/" + code, null, null).json().getJsonArray("categories");
        long family = categories.getJsonObject(1).getJsonNumber("id").longValue();
        RoundFixture.ContestRef contest = new RoundFixture.ContestRef(code, categories.getJsonObject(0).getJsonNumber("id").longValue());
        RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, contest, Duration.ofDays(7), "甲的故事", "乙的故事", "丙的故事");
        Api.Reply objection = api.post("/api/v1/notices/public/" + notice.code() + "/objections", """
                {"realName":"张建国","phone":"13900007777","entry":"R1-002","reasons":"该作品所述事件与事实不符，当事人另有其人。"}""", null, null);
        assertEquals(201, objection.status(), objection.body());

        List<Long> family3 = new ArrayList<>();
        for (String title : List.of("丁的故事", "戊的故事", "己的故事")) {
            family3.add(RoundFixture.entry(api, api.token(api.registerCitizen(PASSWORD), PASSWORD), code, family, title, null, null));
        }
        RoundFixture.accept(api, organiser, code, family3.get(0));
        RoundFixture.accept(api, organiser, code, family3.get(1));
        RoundFixture.Township met = RoundFixture.township(api, server, organiser, code);
        RoundFixture.Township below = RoundFixture.township(api, server, organiser, code);
        giveToUnit(server, family3.get(0), met.id());
        try (Connection db = server.connect(); PreparedStatement earlier = db.prepareStatement(
                "update entry set submitted_at = date_sub(submitted_at, interval ? day) where id = ?")) {
            for (int i = 0; i < 2; i++) {
                earlier.setInt(1, 2 - i);
                earlier.setLong(2, family3.get(i));
                earlier.executeUpdate();
            }
        }

        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 2);
        List<String> names = new ArrayList<>(judges.keySet());
        long round = JudgingRulesIT.createRound(api, organiser, code, "\"mode\":\"ALL\",\"selectCount\":2", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        score(api, judges.get(names.get(0)), code, List.of(92, 90, 88, 86, 84));
        score(api, judges.get(names.get(1)), code, List.of(62, 58));
        return new World(code, round, names.get(0), names.get(1), met.name(), below.name(), judges.get(names.get(0)));
    }

    private record World(String code, long round, String lenient, String harsh, String met, String below, String judgeToken) {
    }

    /** The judge submits the totals given, one per scorecard of this contest in list order; the rest stay open. */
    private static void score(Api api, String judge, String contest, List<Integer> totals) throws Exception {
        List<JsonObject> cards = JudgingRulesIT.cards(api, judge).stream().filter(c -> c.getString("contestCode").equals(contest)).toList();
        for (int i = 0; i < Math.min(totals.size(), cards.size()); i++) {
            String path = "/api/v1/judging/scorecards/" + cards.get(i).getJsonNumber("scorecardId");
            assertEquals(200, api.put(path, RoundFixture.split(totals.get(i)), judge).status());
            assertEquals(200, api.post(path + "/submit", "", judge, null).status());
        }
    }

    /** An entry that the unit sent itself, so it counts against the unit's quota. */
    private static void giveToUnit(TestServer server, long entry, long unit) throws Exception {
        try (Connection db = server.connect(); PreparedStatement update = db.prepareStatement("update entry set unit_id = ? where id = ?")) {
            update.setLong(1, unit);
            update.setLong(2, entry);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** What the dashboard must show, read from the database row by row and grouped here, not by the dashboard's SQL. */
    private record Expected(int received, Map<String, Long> byDay, Map<String, Long> byCategory, Map<String, Long> byStatus,
                            Map<String, Long> counted, Map<String, Long> submitted, Map<String, Long> open,
                            Map<String, Long> perEntry, Map<String, List<Double>> totals) {
    }

    private static Expected expected(TestServer server, World world) throws Exception {
        Map<String, Long> byDay = new TreeMap<>();
        Map<String, Long> byCategory = new LinkedHashMap<>();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> counted = new LinkedHashMap<>();
        Map<String, Long> submitted = new LinkedHashMap<>();
        Map<String, Long> open = new LinkedHashMap<>();
        Map<String, Long> perEntry = new LinkedHashMap<>();
        Map<String, List<Double>> totals = new LinkedHashMap<>();
        int received = 0;
        try (Connection db = server.connect()) {
            for (Object[] c : query(db, "select c.name from contest_category c join contest k on k.id = c.contest_id where k.code = ?", world.code)) {
                byCategory.put((String) c[0], 0L);
            }
            for (Object[] e : query(db, "select e.status, c.name, e.submitted_at from entry e join contest k on k.id = e.contest_id"
                    + " left join contest_category c on c.id = e.category_id where k.code = ? and e.status <> 'DRAFT'", world.code)) {
                byStatus.merge(STATUS.get((String) e[0]), 1L, Long::sum);
                received++;
                byCategory.merge((String) e[1], 1L, Long::sum);
                LocalDate day = ((LocalDateTime) e[2]).atOffset(ZoneOffset.UTC).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
                byDay.merge(day.toString(), 1L, Long::sum);
            }
            for (Object[] u : query(db, "select u.name, (select count(*) from entry e where e.unit_id = u.id and e.contest_id = cu.contest_id"
                    + " and e.status in ('SUBMITTED', 'ACCEPTED', 'RETURNED')) from contest_unit cu join unit u on u.id = cu.unit_id"
                    + " join contest k on k.id = cu.contest_id where k.code = ?", world.code)) {
                counted.put((String) u[0], ((Number) u[1]).longValue());
            }
            Map<Long, Long> scoresPerEntry = new TreeMap<>();
            for (Object[] s : query(db, "select a.display_name, s.status, s.total_half_points, re.id from round_entry re"
                    + " left join scorecard s on s.round_entry_id = re.id left join account a on a.id = s.judge_id"
                    + " where re.round_id = ? order by s.total_half_points", world.round)) {
                boolean done = "SUBMITTED".equals(s[1]);
                scoresPerEntry.merge(((Number) s[3]).longValue(), done ? 1L : 0L, Long::sum);
                if (s[0] != null) {
                    (done ? submitted : open).merge((String) s[0], 1L, Long::sum);
                    (done ? open : submitted).merge((String) s[0], 0L, Long::sum);
                }
                if (done) {
                    totals.computeIfAbsent((String) s[0], j -> new ArrayList<>()).add(((Number) s[2]).intValue() / 2.0);
                }
            }
            scoresPerEntry.values().forEach(n -> perEntry.merge(n + " 份评分", 1L, Long::sum));
        }
        return new Expected(received, byDay, byCategory, byStatus, counted, submitted, open, perEntry, totals);
    }

    private static List<Object[]> query(Connection db, String sql, Object parameter) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Object[] row = new Object[result.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** A chart as Chart.js holds it once drawn: its canvas's size, its labels and each dataset's values by label. */
    private record Drawn(long width, long height, List<String> labels, Map<String, JsonArray> sets) {

        Map<String, Long> series(String dataset) {
            Map<String, Long> values = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                values.put(labels.get(i), sets.get(dataset).getJsonNumber(i).longValue());
            }
            return values;
        }

        Map<String, double[]> ranges(String dataset) {
            Map<String, double[]> values = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                JsonArray pair = sets.get(dataset).getJsonArray(i);
                values.put(labels.get(i), new double[] {pair.getJsonNumber(0).doubleValue(), pair.getJsonNumber(1).doubleValue()});
            }
            return values;
        }
    }

    /** Waits until Chart.js has drawn the chart {@code id} (its canvas is {@code <id>Chart_canvas}), then reads it. */
    private static Drawn chart(WebDriver browser, String id) {
        Object json = new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> ((JavascriptExecutor) b).executeScript("""
                var canvas = document.getElementById(arguments[0] + 'Chart_canvas');
                var chart = canvas && window.Chart && Chart.getChart(canvas);
                if (!chart || canvas.clientWidth === 0) { return null; }
                return JSON.stringify({width: canvas.clientWidth, height: canvas.clientHeight, labels: chart.data.labels,
                    sets: chart.data.datasets.map(function (d) { return {label: d.label, data: d.data}; })});
                """, id));
        JsonObject chart = Json.createReader(new StringReader((String) json)).readObject();
        Map<String, JsonArray> sets = new LinkedHashMap<>();
        chart.getJsonArray("sets").forEach(s -> sets.put(s.asJsonObject().getString("label", ""), s.asJsonObject().getJsonArray("data")));
        return new Drawn(chart.getJsonNumber("width").longValue(), chart.getJsonNumber("height").longValue(),
                chart.getJsonArray("labels").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList(),
                sets);
    }

    /** A one-series chart's values by label. */
    private static Map<String, Long> counts(Drawn drawn) {
        assertEquals(1, drawn.sets.size());
        return drawn.series(drawn.sets.keySet().iterator().next());
    }

    private static double last(JsonArray values) {
        assertNotNull(values);
        return values.getJsonNumber(values.size() - 1).doubleValue();
    }

    /** Opens the table under chart {@code id} and reads it: the first column's label, the second column's number. */
    private static Map<String, Long> table(WebDriver browser, String id) {
        WebElement summary = browser.findElement(By.cssSelector("#" + id + " summary"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", summary);
        summary.click();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#" + id + "Table tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertTrue(cells.get(0).isDisplayed(), "the table is shown once its summary is clicked");
            rows.put(cells.get(0).getText(), Long.parseLong(cells.get(1).getText()));
        }
        return rows;
    }
}
