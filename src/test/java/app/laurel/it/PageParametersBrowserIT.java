package app.laurel.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page that takes a parameter, opened by the role it is for without that parameter and with a value that
 * names nothing: a sensible default (200) or the 404 page, never the 500 page. The login is made in the browser,
 * then its session is used for plain requests, because only those show the HTTP status.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class PageParametersBrowserIT {

    private static final String DEMO = "Laurel2026";
    private static final String PASSWORD = "Params2026page";
    /** The demo contest wants at least 300 characters. */
    private static final String DEMO_STORY = "这是一个真实的禁毒故事，讲述了社区的变化。".repeat(15);

    private TestServer server;
    private WebDriver browser;
    private Api api;

    @BeforeEach
    void open(TestServer server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
        this.api = new Api(server);
    }

    @Test
    void publicPagesWithoutOrWithAnUnknownParameterAnswerNotFound() throws Exception {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/contest.xhtml", 404);
        expected.put("/contest.xhtml?code=NOPE", 404);
        expected.put("/notice.xhtml", 404);
        expected.put("/notice.xhtml?code=zzzzzzzz", 404);
        expected.put("/column/index.xhtml", 404);
        expected.put("/column/index.xhtml?contest=NOPE", 404);
        expected.put("/column/story.xhtml", 404);
        expected.put("/column/story.xhtml?contest=HY2021&id=99999999", 404);
        expected.put("/column/story.xhtml?contest=HY2021&id=abc", 404);
        expected.put("/verify.xhtml", 200); // without a serial: the box to type one (issue 13)
        expected.put("/verify.xhtml?serial=HY2021-0000-0000-0000", 404);
        assertStatuses(null, expected);
    }

    @Test
    void citizensPagesWithoutOrWithAnUnknownParameter() throws Exception {
        String citizen = api.registerCitizen(PASSWORD);
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/entries/mine.xhtml", 200);
        expected.put("/entries/mine.xhtml?contest=NOPE", 404);
        expected.put("/entries/edit.xhtml", 404);
        expected.put("/entries/edit.xhtml?contest=NOPE", 404);
        expected.put("/entries/edit.xhtml?id=99999999", 404);
        expected.put("/entries/edit.xhtml?id=abc", 404);
        expected.put("/entries/receipt.xhtml", 404);
        expected.put("/entries/receipt.xhtml?id=99999999", 404);
        expected.put("/entries/receipt.xhtml?id=abc", 404);
        expected.put("/account/certificates.xhtml", 200);
        assertStatuses(session(citizen, PASSWORD), expected);
    }

    @Test
    void aTownshipsPagesWithoutOrWithAnUnknownParameter() throws Exception {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/unit/recommend.xhtml", 200);
        expected.put("/unit/recommend.xhtml?contest=NOPE", 404);
        expected.put("/unit/candidate.xhtml", 404);
        expected.put("/unit/candidate.xhtml?contest=NOPE&id=99999999", 404);
        expected.put("/unit/candidate.xhtml?contest=NOPE&id=abc", 404);
        expected.put("/entries/mine.xhtml", 200);
        expected.put("/entries/mine.xhtml?contest=NOPE", 404);
        expected.put("/account/certificates.xhtml", 200);
        expected.put("/unit/campaign.xhtml", 200);
        expected.put("/unit/campaign.xhtml?campaign=NOPE", 404);
        assertStatuses(session("xidu", DEMO), expected);
    }

    @Test
    void judgesAndReviewersPagesWithoutOrWithAnUnknownParameter() throws Exception {
        Map<String, Integer> judge = new LinkedHashMap<>();
        judge.put("/judge/index.xhtml", 200);
        judge.put("/judge/score.xhtml", 404);
        judge.put("/judge/score.xhtml?id=99999999", 404);
        judge.put("/judge/score.xhtml?id=abc", 404);
        assertStatuses(session("judge1", DEMO), judge);

        browser.manage().deleteAllCookies();
        Map<String, Integer> reviewer = new LinkedHashMap<>();
        reviewer.put("/review/index.xhtml", 200);
        reviewer.put("/review/index.xhtml?campaign=NOPE", 404);
        assertStatuses(session("bgs", DEMO), reviewer);
    }

    @Test
    void organisersPagesWithoutOrWithAnUnknownParameter() throws Exception {
        long category = api.get("/api/v1/contests/HY2021", null, null).json().getJsonArray("categories")
                .getJsonObject(0).getJsonNumber("id").longValue();
        long entry = RoundFixture.entry(api, api.token(api.registerCitizen(PASSWORD), PASSWORD), "HY2021", category,
                "参数测试" + Api.uniqueName("").substring(0, 4), null, null, "IMAGE", DEMO_STORY);
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/organiser/entry.xhtml?id=" + entry, 200);
        expected.put("/organiser/entry.xhtml", 404);
        expected.put("/organiser/entry.xhtml?id=99999999", 404);
        expected.put("/organiser/entry.xhtml?id=abc", 404);
        expected.put("/organiser/entry.xhtml?contest=NOPE&id=" + entry, 404);
        for (String page : List.of("rounds", "screening", "column", "prizes", "certificates", "notice")) {
            expected.put("/organiser/" + page + ".xhtml", 404);
            expected.put("/organiser/" + page + ".xhtml?contest=NOPE", 404);
        }
        expected.put("/organiser/round.xhtml", 404);
        expected.put("/organiser/round.xhtml?id=99999999", 404);
        expected.put("/organiser/round.xhtml?id=abc", 404);
        expected.put("/organiser/contest.xhtml", 200);
        expected.put("/organiser/contest.xhtml?code=NOPE", 404);
        expected.put("/organiser/campaign.xhtml", 404);
        expected.put("/organiser/campaign.xhtml?campaign=NOPE", 404);
        expected.put("/organiser/campaign-matrix.xhtml", 404);
        expected.put("/organiser/campaign-matrix.xhtml?campaign=NOPE", 404);
        // The pages of issue 14: a contest's dashboard and exports need its code, a campaign's dashboard its campaign;
        // the workspace without a code lists the contests to choose from; the audit log is a filter: without a contest
        // it lists everything, with an unknown one no line.
        expected.put("/organiser/workspace.xhtml", 200);
        expected.put("/organiser/workspace.xhtml?code=NOPE", 404);
        for (String page : List.of("dashboard", "exports")) {
            expected.put("/organiser/" + page + ".xhtml", 404);
            expected.put("/organiser/" + page + ".xhtml?code=NOPE", 404);
        }
        expected.put("/organiser/dashboard.xhtml?code=HY2021", 200);
        expected.put("/organiser/campaign-dashboard.xhtml", 404);
        expected.put("/organiser/campaign-dashboard.xhtml?campaign=NOPE", 404);
        expected.put("/organiser/audit.xhtml", 200);
        expected.put("/organiser/audit.xhtml?contest=NOPE", 200);
        assertStatuses(session("organiser", DEMO), expected);
    }

    @Test
    void withoutAContestACitizenSeesTheirEntriesOfEveryContestUnderItsTitle() throws Exception {
        String citizen = api.registerCitizen(PASSWORD);
        String token = api.token(citizen, PASSWORD);
        RoundFixture.ContestRef other = RoundFixture.contest(api, api.token("organiser", DEMO));
        long demoCategory = api.get("/api/v1/contests/HY2021", null, null).json().getJsonArray("categories")
                .getJsonObject(0).getJsonNumber("id").longValue();
        String inDemo = "演示活动的作品" + Api.uniqueName("").substring(0, 4);
        String inOther = "另一活动的作品" + Api.uniqueName("").substring(0, 4);
        RoundFixture.entry(api, token, "HY2021", demoCategory, inDemo, null, null, "IMAGE", DEMO_STORY);
        RoundFixture.entry(api, token, other.code(), other.category(), inOther, null, null);

        session(citizen, PASSWORD);
        browser.get(server.baseUrl() + "/entries/mine.xhtml");
        WebElement demo = browser.findElement(By.cssSelector("section[data-contest='HY2021']"));
        assertTrue(demo.findElement(By.tagName("h2")).getText().contains("讲述身边的禁毒故事"), demo.getText());
        assertTrue(demo.getText().contains(inDemo) && !demo.getText().contains(inOther), demo.getText());
        WebElement second = browser.findElement(By.cssSelector("section[data-contest='" + other.code() + "']"));
        assertTrue(second.findElement(By.tagName("h2")).getText().contains("评审测试"), second.getText());
        assertTrue(second.getText().contains(inOther), second.getText());
        assertTrue(browser.findElements(By.id("newEntry")).isEmpty(), "a new entry needs a contest: the link shows on a contest's list only");

        browser.get(server.baseUrl() + "/entries/mine.xhtml?contest=" + other.code());
        assertFalse(browser.getPageSource().contains(inDemo), "with a contest, only its entries");
        assertTrue(browser.getPageSource().contains(inOther));
        assertFalse(browser.findElements(By.id("newEntry")).isEmpty());
    }

    /** Logs in through the login page and returns the session cookie the browser got. */
    private String session(String username, String password) {
        PageActions.logIn(browser, server, username, password);
        return PageActions.cookieHeader(browser);
    }

    /** Opens every page and collects every mismatch, so that one run names all the pages that misbehave. */
    private void assertStatuses(String cookie, Map<String, Integer> expected) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> page : expected.entrySet()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + page.getKey()))
                    .timeout(Duration.ofSeconds(30)).GET();
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            if (response.statusCode() != page.getValue()) {
                wrong.add(page.getKey() + " answered " + response.statusCode() + " instead of " + page.getValue());
            } else if (body.contains("data-status=\"500\"") || body.contains(".java:")) {
                wrong.add(page.getKey() + " shows the error page or a stack trace");
            } else if (page.getValue() == 404 && !body.contains("data-status=\"404\"") && !body.contains("id=\"verifyStatus\"")) {
                wrong.add(page.getKey() + " answered 404 without the not-found page");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
