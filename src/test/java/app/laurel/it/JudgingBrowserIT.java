package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A judge opens their scorecard on a tablet-sized page, scores the entry blind and submits. */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class JudgingBrowserIT {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private static final String PASSWORD = "Judge2026tablet";

    @Test
    void aJudgeScoresAnEntryAndSubmits(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        String code = "K" + Api.uniqueName("").toUpperCase(Locale.ROOT).substring(0, 8);
        Instant now = Instant.now();
        assertEquals(201, api.post("/api/v1/contests", """
                {"code":"%s","title":"页面评审测试","phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"}},
                 "categories":["禁毒志愿者"],"story":{"minChars":5,"maxChars":2000,"maxImages":1,"attachmentAllowed":false}}"""
                .formatted(code, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2))), organiser, null).status());
        long category = api.get("/api/v1/contests/" + code, null, null).json().getJsonArray("categories")
                .getJsonObject(0).getJsonNumber("id").longValue();
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        JsonObject entry = api.post("/api/v1/entries", ("{\"contest\":\"%s\",\"type\":\"STORY\",\"categoryId\":%d,\"title\":\"志愿者老李\","
                + "\"bodyHtml\":\"<p>老李做了十年禁毒志愿者。我是测试群众，电话13812345678。</p>\",\"originalityDeclared\":true,\"displayConsent\":true}")
                .formatted(code, category), citizen, null).json();
        long entryId = entry.getJsonNumber("id").longValue();
        long photo = api.upload(TestFiles.png(dir, 40, 30), "张三的照片.png", citizen).json().getJsonObject("file")
                .getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/v1/entries/" + entryId + "/files", "{\"fileId\":%d,\"role\":\"IMAGE\"}".formatted(photo),
                citizen, null).status());
        assertEquals(200, api.post("/api/v1/entries/" + entryId + "/submit", "", citizen, null).status());
        assertEquals(200, api.post("/api/v1/screening/" + code + "/entries/" + entryId + "/decision", "{\"decision\":\"ACCEPT\"}", organiser, null).status());
        String judge = Api.uniqueName("jw");
        assertEquals(201, api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"评委","role":"JUDGE","initialPassword":"%s"}""".formatted(judge, PASSWORD), organiser, null).status());
        long roundId = api.post("/api/v1/rounds", """
                {"contest":"%s","name":"终评","mode":"ALL","method":"MEAN","minScores":1,"selectCount":1,
                 "criteria":[{"name":"思想性","maxPoints":30,"primary":true},{"name":"感染力","maxPoints":20}],"judges":["%s"]}"""
                .formatted(code, judge), organiser, null).json().getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/v1/rounds/" + roundId + "/open", "", organiser, null).status());

        PageActions.logIn(browser, server, judge, PASSWORD);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        PageActions.menu(browser, "navJudging");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "已提交 0 / 1 件"));
        assertFalse(browser.getPageSource().contains("测试群众"), "the author's name appears nowhere");
        browser.findElement(By.cssSelector("a.score-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entryCode"), "R1-001 志愿者老李"));

        for (String forbidden : new String[]{"测试群众", "张三的照片", "13812345678"}) {
            assertFalse(browser.getPageSource().contains(forbidden), "the judge's page never shows " + forbidden);
        }
        assertTrue(browser.getPageSource().contains("图片1.png"), "the photo is there under a neutral name");
        List<WebElement> inputs = browser.findElements(By.cssSelector("input.score-input"));
        assertEquals(2, inputs.size());
        inputs.get(0).sendKeys("27.5");
        inputs.get(1).sendKeys("18");
        browser.findElement(By.id("score:submit")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "评分已提交"));

        JsonObject ranking = api.get("/api/v1/rounds/" + roundId + "/ranking", organiser, null).json();
        assertEquals("45.50", ranking.getJsonArray("order").getJsonObject(0).getJsonNumber("display").bigDecimalValue().toPlainString(),
                "27.5 + 18 as the judge typed them");
        assertEquals("已提交", browser.findElement(By.id("cardStatus")).getText(), "the page shows the scorecard as final");
        assertTrue(browser.findElements(By.id("score:submit")).isEmpty(), "and offers no way to change it");
    }
}
