package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import static app.laurel.it.RoundFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organiser on the round pages: sets up a round with the suggested rubric, opens it, finds two entries tied
 * for the one place, orders them with a written reason, closes the round and downloads the score sheet.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class OrganiserRoundBrowserIT {

    @Test
    void anOrganiserSettlesATieAtTheCutAndClosesTheRound(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        RoundFixture.acceptedEntry(api, organiser, contest, "老李的十年");
        RoundFixture.acceptedEntry(api, organiser, contest, "回家的路");
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 2);

        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(server.baseUrl() + "/organiser/rounds.xhtml?contest=" + contest.code());
        browser.findElement(By.id("newRound:name")).sendKeys("初评");
        WebElement select = browser.findElement(By.id("newRound:selectCount_input"));
        select.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1", Keys.TAB);
        assertEquals("思想性", browser.findElement(By.cssSelector(".criterion-name")).getAttribute("value"),
                "the rubric starts with the criteria county contests use");
        for (String judge : judges.keySet()) {
            browser.findElement(By.xpath("//label[contains(., '" + judge + "')]")).click();
        }
        browser.findElement(By.id("newRound:create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roundStatus"), "准备中"));
        assertTrue(browser.findElement(By.id("messages")).getText().contains("评审轮次已创建"));

        browser.findElement(By.id("actions:open")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roundStatus"), "评审中"));

        for (String token : judges.values()) {
            for (JsonObject card : JudgingRulesIT.cards(api, token)) {
                String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
                assertEquals(200, api.put(path, RoundFixture.split(80), token).status());
                assertEquals(200, api.post(path + "/submit", "", token, null).status());
            }
        }
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tied"), "R1-001"));
        assertTrue(browser.findElement(By.id("tied")).getText().contains("R1-002"));

        browser.findElement(By.id("actions:close")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "并列"));
        assertEquals("评审中", browser.findElement(By.id("roundStatus")).getText(), "refused: the tie is not settled");

        browser.findElement(By.id("cut:order")).sendKeys("R1-002，R1-001");
        browser.findElement(By.id("cut:reason")).sendKeys("评审委员会合议：第二件更贴近基层禁毒工作");
        browser.findElement(By.id("cut:orderCut")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "并列名次已确定"));
        String firstRow = browser.findElement(By.cssSelector("[id$='ranking_data'] tr")).getText();
        assertTrue(firstRow.contains("R1-002") && firstRow.contains("回家的路") && firstRow.contains("入选"), firstRow);

        browser.findElement(By.id("actions:close")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roundStatus"), "已结束"));

        String href = browser.findElement(By.id("actions:exportCsv")).getAttribute("href");
        Object csv = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed ' + e));", href);
        assertTrue(csv.toString().contains("R1-001") && csv.toString().contains(judges.keySet().iterator().next()),
                "the page's download is the score sheet: " + csv);
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement("""
                select r.ranking_json from judging_round r join contest c on c.id = r.contest_id where c.code = ?""")) {
            q.setString(1, contest.code());
            try (ResultSet rows = q.executeQuery()) {
                assertTrue(rows.next());
                assertTrue(rows.getString(1).contains("第二件更贴近基层禁毒工作"), rows.getString(1));
            }
        }
    }
}
