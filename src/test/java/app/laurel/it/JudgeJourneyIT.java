package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static app.laurel.it.RoundFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, the judge: a retired teacher judging on a phone finds their work per contest and round with its progress,
 * keeps to what is left, reads the story in the page in larger text, is told beside the criterion when a score is
 * wrong (and nothing is saved), sees the total as they type, can change their mind at the confirmation without
 * losing what they typed, submits, and goes on to the next entry.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class JudgeJourneyIT {

    /** Long enough to need scrolling on a phone: it used to be read inside a box of half the screen. */
    private static final String STORY = "老李是社区的禁毒志愿者，十年来走访了许多家庭，讲述毒品的危害，帮助迷途的人回到正常的生活。".repeat(12);

    @Test
    void aJudgeOnAPhoneScoresTheirRoundEntryByEntry(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 1);
        String judge = judges.keySet().iterator().next();
        String judgeToken = judges.get(judge);
        String storyTitle = "讲述身边的禁毒故事" + Api.uniqueName("").substring(0, 4);
        String lessonTitle = "一堂禁毒课" + Api.uniqueName("").substring(0, 4);
        RoundFixture.ContestRef stories = RoundFixture.contest(api, organiser, storyTitle);
        RoundFixture.ContestRef lessons = RoundFixture.contest(api, organiser, lessonTitle);
        for (String title : List.of("社区的灯", "回家的路", "十年")) {
            long id = RoundFixture.entry(api, api.token(api.registerCitizen(PASSWORD), PASSWORD), stories.code(), stories.category(),
                    title, null, null, "IMAGE", STORY);
            RoundFixture.accept(api, organiser, stories.code(), id);
        }
        RoundFixture.acceptedEntry(api, organiser, lessons, "课堂上的一封信");
        for (RoundFixture.ContestRef contest : List.of(stories, lessons)) {
            long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":1", judges.keySet());
            assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        }
        // R1-003 of the stories was scored yesterday.
        List<JsonObject> cards = JudgingRulesIT.cards(api, judgeToken);
        JsonObject done = card(cards, stories.code(), "R1-003");
        String donePath = "/api/v1/judging/scorecards/" + done.getJsonNumber("scorecardId");
        assertEquals(200, api.put(donePath, RoundFixture.split(80), judgeToken).status());
        assertEquals(200, api.post(donePath + "/submit", "", judgeToken, null).status());
        long first = card(cards, stories.code(), "R1-001").getJsonNumber("scorecardId").longValue();

        Journey.phone(browser);
        // An AJAX update replaces the fields while the wait reads them: a stale field is read again, not a failure.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        PageActions.logIn(browser, server, judge, PASSWORD);
        PageActions.menu(browser, "navJudging");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "已提交 1 / 4 件"));
        List<WebElement> groups = browser.findElements(By.cssSelector("section.round-group"));
        assertEquals(2, groups.size(), "one group per contest and round");
        WebElement storyGroup = group(browser, storyTitle);
        assertTrue(storyGroup.findElement(By.tagName("h2")).getText().contains("初评"), "the round is named under the contest");
        assertTrue(storyGroup.findElement(By.className("round-progress")).getText().contains("已提交 1 / 3 件"));
        assertTrue(group(browser, lessonTitle).findElement(By.className("round-progress")).getText().contains("已提交 0 / 1 件"));
        assertTrue(storyGroup.getText().contains("R1-001") && group(browser, lessonTitle).getText().contains("R1-001"),
                "the two R1-001 stand under their own contests");
        Journey.check(browser, "judge-1-list");

        browser.findElement(By.id("onlyTodo")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("showAll")));
        storyGroup = group(browser, storyTitle);
        assertEquals(2, storyGroup.findElements(By.cssSelector("article.entry-card")).size(), "R1-003 is submitted: not shown");
        assertFalse(storyGroup.getText().contains("R1-003"));
        assertTrue(storyGroup.findElement(By.className("round-progress")).getText().contains("已提交 1 / 3 件"),
                "the progress still counts the whole round");
        Journey.check(browser, "judge-2-unsubmitted");

        storyGroup.findElement(By.cssSelector("a.score-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entryCode"), "R1-001 社区的灯"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebElement story = browser.findElement(By.id("story"));
        assertEquals("none", story.getCssValue("max-height"), "the story is not boxed in");
        assertTrue(((Number) js.executeScript("var s = arguments[0]; return s.scrollHeight - s.clientHeight;", story)).intValue() <= 0,
                "nothing of the story hides behind an inner scroll bar");
        assertTrue(((Number) js.executeScript("return document.documentElement.scrollHeight - window.innerHeight;")).intValue() > 0,
                "the page itself scrolls");
        Journey.check(browser, "judge-3-score");

        double normal = fontSize(story);
        browser.findElement(By.id("largerText")).click();
        assertTrue(fontSize(browser.findElement(By.id("story"))) > normal * 1.1, "大字阅读 enlarges the story");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.id("largerText"), "aria-pressed", "true"));
        assertTrue(fontSize(browser.findElement(By.id("story"))) > normal * 1.1, "and is remembered on this phone");
        Journey.check(browser, "judge-4-larger-text");

        type(browser, "score:s0", "35");
        type(browser, "score:s1", "2a");
        type(browser, "score:s2", "15");
        type(browser, "score:s3", "15");
        browser.findElement(By.id("score:save")).click();
        wait.until(d -> field(d, "score:s0").getText().contains("分数应在 0～30 分之间"));
        assertTrue(field(browser, "score:s1").getText().contains("请填写数字"), field(browser, "score:s1").getText());
        assertFalse(browser.findElement(By.id("messages")).getText().contains("评分已保存"), "nothing claims to be saved");
        assertEquals("35", browser.findElement(By.id("score:s0")).getAttribute("value"), "what was typed stays to be corrected");
        assertEquals(0, scores(server, first), "no score of this card is saved");
        Journey.check(browser, "judge-5-refused");

        Api.Reply viaApi = api.put("/api/v1/judging/scorecards/" + first, RoundFixture.scores(35, 20, 15, 15), judgeToken);
        assertEquals(400, viaApi.status(), viaApi.body());
        JsonObject refusal = viaApi.json().getJsonArray("fields").getJsonObject(0);
        assertEquals("思想性", refusal.getString("field"));
        assertTrue(field(browser, "score:s0").getText().contains(refusal.getString("message")), "the API refuses in the page's words");
        assertEquals(0, scores(server, first));

        type(browser, "score:s0", "27.5");
        type(browser, "score:s1", "28");
        wait.until(ExpectedConditions.textToBe(By.id("scoreTotal"), "85.5"));

        browser.findElement(By.id("score:submit")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-no"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirmdialog")));
        assertEquals("27.5", browser.findElement(By.id("score:s0")).getAttribute("value"), "取消 keeps every typed score");
        assertEquals("28", browser.findElement(By.id("score:s1")).getAttribute("value"));
        assertEquals("85.5", browser.findElement(By.id("scoreTotal")).getText());
        assertEquals(0, scores(server, first), "取消 sends nothing");

        browser.findElement(By.id("score:submit")).click();
        Journey.shot(browser, "judge-6-confirm");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "评分已提交"));
        assertEquals(4, scores(server, first), "the four scores are saved");
        assertEquals("SUBMITTED", status(server, first));
        Journey.check(browser, "judge-7-submitted");

        wait.until(ExpectedConditions.elementToBeClickable(By.id("score:next"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entryCode"), "R1-002 回家的路"));
        assertTrue(browser.findElement(By.id("entryRound")).getText().contains(storyTitle), "the next one of the same round");
        assertTrue(browser.findElement(By.id("score:submit")).isDisplayed(), "still to be scored");
        assertEquals("", browser.findElement(By.id("score:s0")).getAttribute("value"));
    }

    private static JsonObject card(List<JsonObject> cards, String contest, String code) {
        return cards.stream().filter(c -> c.getString("contestCode").equals(contest) && c.getString("code").equals(code))
                .findFirst().orElseThrow(() -> new AssertionError("no card " + code + " in " + contest));
    }

    private static WebElement group(WebDriver browser, String contestTitle) {
        return browser.findElements(By.cssSelector("section.round-group")).stream()
                .filter(g -> g.findElement(By.tagName("h2")).getText().contains(contestTitle)).findFirst()
                .orElseThrow(() -> new AssertionError("no group for " + contestTitle));
    }

    /** The criterion's box: its label, input and the message beside it. */
    private static WebElement field(WebDriver browser, String inputId) {
        return browser.findElement(By.xpath("//input[@id='" + inputId + "']/ancestor::div[contains(@class,'score-field')]"));
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static double fontSize(WebElement element) {
        return Double.parseDouble(element.getCssValue("font-size").replace("px", ""));
    }

    private static int scores(TestServer server, long scorecard) throws Exception {
        return ((Number) value(server, "select count(*) from score where scorecard_id = ?", scorecard)).intValue();
    }

    private static String status(TestServer server, long scorecard) throws Exception {
        return (String) value(server, "select status from scorecard where id = ?", scorecard);
    }

    private static Object value(TestServer server, String sql, long id) throws Exception {
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement(sql)) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }
}
