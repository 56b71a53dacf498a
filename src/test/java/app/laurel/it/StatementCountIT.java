package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.laurel.it.RoundFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lists do not cost a statement per row: the round page, its ranking, the screening page and its API list send as many SQL
 * statements for a round of 200 entries as for one of 20 (give or take a batch), and opening a round sends one
 * insert per scorecard and a constant number of other statements (not one conflict query per entry and judge).
 * The server logs each request's count when the tests switch it on ({@code StatementCountFilter}). The judge's
 * list page (我的评审, grouped by round) is one of those lists, and so is the API's list of the judge's scorecards with
 * their stories: both are paged (50 a page), the stories of a page read in one statement and the counts grouped.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class StatementCountIT {

    /** A round's panel: six judges on both rounds and one of that round alone, whose list is measured. */
    private static final int JUDGES = 7;
    /** The larger round; {@code -Dlaurel.test.bigRound=296} measures the round of the issue. */
    private static final int BIG = Integer.getInteger("laurel.test.bigRound", 200);

    @TempDir
    Path dir;

    @Test
    void aRoundOfTwoHundredEntriesCostsTheStatementsOfOneOfTwenty(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, JUDGES - 1);
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        String cookie = PageActions.cookieHeader(browser);
        Map<String, Long> small = measure(server, browser, api, organiser, judges, cookie, 20);
        Map<String, Long> big = measure(server, browser, api, organiser, judges, cookie, BIG);
        System.out.printf("SQL statements, 20 entries: %s; %d entries: %s%n", small, BIG, big);
        // Batch fetching reads up to 500 rows a statement, and opening writes scorecards 1,000 rows an INSERT (140
        // take one, 1,400 two): a list or an opening may cost a statement or two more, never one per row.
        for (String list : List.of("open", "round page", "screening page", "ranking", "screening list", "judge's list page",
                "judge's scorecards")) {
            assertTrue(big.get(list) <= small.get(list) + 2, list + " grows with the entries: 20 → " + small + ", " + BIG + " → " + big);
        }
    }

    /** Statements of each list for a round of {@code size} entries judged by the whole panel. */
    private Map<String, Long> measure(TestServer server, WebDriver browser, Api api, String organiser, Map<String, String> judges,
                                      String cookie, int size) throws Exception {
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "语句计数" + size);
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long photo = api.upload(TestFiles.png(dir, 40, 30), "photo.png", citizen).json().getJsonObject("file")
                .getJsonNumber("id").longValue();
        long original = RoundFixture.entry(api, citizen, contest.code(), contest.category(), "计数的故事", null, photo);
        RoundFixture.accept(api, organiser, contest.code(), original);
        BulkEntries.copy(server, original, size - 1);
        // A judge of this round alone: their list is compared for 20 and 200 entries, not for one round and two.
        String own = JudgingRulesIT.judges(api, organiser, 1).keySet().iterator().next();
        java.util.Set<String> panel = new java.util.LinkedHashSet<>(judges.keySet());
        panel.add(own);
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":10", panel);

        Map<String, Long> counts = new LinkedHashMap<>();
        String probe = Api.uniqueName("p");
        long started = System.nanoTime();
        Api.Reply opened = api.post("/api/v1/rounds/" + round + "/open?probe=" + probe, "", organiser, null);
        long openMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, opened.status(), opened.body());
        counts.put("open", statements(server, probe));
        started = System.nanoTime();
        page(server, "/organiser/round.xhtml?id=" + round, cookie); // the first view of a page also compiles it
        long pageMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("%d entries × %d judges: opening took %d ms, the round page (no score yet) %d ms%n",
                size, JUDGES, openMillis, pageMillis);
        counts.put("round page", counted(server, "/organiser/round.xhtml?id=" + round, cookie));
        counts.put("screening page", counted(server, "/organiser/screening.xhtml?contest=" + contest.code(), cookie));
        counts.put("ranking", countedApi(server, api, "/api/v1/rounds/" + round + "/ranking", organiser));
        counts.put("screening list", countedApi(server, api, "/api/v1/screening/" + contest.code() + "/entries", organiser));
        // The judge's page lists every scorecard without reading a story: 300 judges open it, not one per entry.
        browser.manage().deleteAllCookies();
        PageActions.logIn(browser, server, own, RoundFixture.PASSWORD);
        String judgeCookie = PageActions.cookieHeader(browser);
        counts.put("judge's list page", counted(server, "/judge/index.xhtml?todo=false", judgeCookie));
        // The round's own judge again: a shared judge's first page would hold two rounds' cards at 200 entries and
        // one round's at 20, and each round on a page costs its own few statements.
        String judge = api.token(own, RoundFixture.PASSWORD);
        counts.put("judge's scorecards", countedApi(server, api, "/api/v1/judging/scorecards", judge));
        assertEquals(size, JudgingRulesIT.cards(api, judge).stream()
                .filter(c -> c.getString("contestCode").equals(contest.code())).count(), "every entry is on the judge's list");
        return counts;
    }

    private long counted(TestServer server, String path, String cookie) throws Exception {
        page(server, path, cookie);
        String probe = Api.uniqueName("p");
        String body = page(server, path + "&probe=" + probe, cookie);
        assertTrue(body.contains("计数的故事"), "the page shows the entries");
        return statements(server, probe);
    }

    private long countedApi(TestServer server, Api api, String path, String token) throws Exception {
        assertEquals(200, api.get(path, token, null).status());
        String probe = Api.uniqueName("p");
        Api.Reply reply = api.get(path + (path.contains("?") ? "&" : "?") + "probe=" + probe, token, null);
        assertEquals(200, reply.status(), reply.body());
        return statements(server, probe);
    }

    static String page(TestServer server, String path, String cookie) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Cookie", cookie).timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    /** The count the server logged for the request carrying {@code probe}; it logs once the response is sent. */
    static long statements(TestServer server, String probe) throws Exception {
        Pattern line = Pattern.compile("SQL statements: (\\d+) for \\S+ \\S+probe=" + probe);
        for (int attempt = 0; attempt < 100; attempt++) {
            Matcher found = line.matcher(Files.readString(server.log()));
            if (found.find()) {
                return Long.parseLong(found.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server logged no statement count for " + probe);
    }
}
