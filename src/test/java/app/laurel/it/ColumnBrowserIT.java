package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The column on a phone: a visitor who never logged in opens a contest's column, taps a story and watches its
 * video; an organiser publishes a story with the author's name from the publishing page.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class ColumnBrowserIT {

    @TempDir
    Path dir;

    @Test
    void aVisitorOpensTheColumnOnAPhoneTapsAStoryAndSeesItsTextAndVideo(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        ColumnFixture.ContestRef contest = ColumnFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(ColumnFixture.PASSWORD), ColumnFixture.PASSWORD);
        String marker = Api.uniqueName("m");
        long video = ColumnFixture.uploaded(api.upload(TestFiles.mp4(dir, 3), "微视频.mp4", citizen));
        long entry = ColumnFixture.draft(api, citizen, contest.code(), "VIDEO", contest.volunteers(), "戒毒路上" + marker,
                "<p>老陈在社区康复站坚持了三年。" + marker + "</p>", null);
        ColumnFixture.attach(api, citizen, entry, video, "VIDEO");
        ColumnFixture.submit(api, citizen, entry);
        RoundFixture.accept(api, organiser, contest.code(), entry);
        long item = ColumnFixture.publish(api, organiser, contest.code(), entry, false);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(server.baseUrl() + "/column/" + contest.code());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("columnItems"), "戒毒路上" + marker));
        assertFitsThePhone(browser);
        browser.findElement(By.linkText("戒毒路上" + marker)).click();

        wait.until(ExpectedConditions.textToBe(By.id("storyTitle"), "戒毒路上" + marker));
        assertEquals(server.baseUrl() + "/column/" + contest.code() + "/" + item, browser.getCurrentUrl(), "the clean address");
        assertTrue(browser.findElement(By.id("storyText")).getText().contains("老陈在社区康复站坚持了三年。" + marker));
        assertTrue(browser.findElement(By.id("byline")).getText().contains("匿名"));
        WebElement player = browser.findElement(By.tagName("video"));
        assertEquals(server.baseUrl() + "/column-media/" + item + "/" + video, player.getAttribute("src"));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].readyState", player)).intValue() >= 1);
        assertTrue(((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].duration", player)).doubleValue() > 2,
                "the phone's player read the video's length through the public address");
        assertFitsThePhone(browser);

        PageActions.menu(browser, "lang:switch");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("byline"), "Author: Anonymous"));
        assertEquals(server.baseUrl() + "/column/" + contest.code() + "/" + item, browser.getCurrentUrl(),
                "the language switch reloads the clean address");

        browser.findElement(By.id("backToColumn")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("columnItems")));
        assertEquals(server.baseUrl() + "/column/" + contest.code(), browser.getCurrentUrl());
    }

    @Test
    void anOrganiserPublishesAStoryWithTheAuthorsNameFromThePublishingPage(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        ColumnFixture.ContestRef contest = ColumnFixture.contest(api, organiser);
        String name = "禁毒志愿者" + Api.uniqueName("").substring(0, 4);
        String citizen = ColumnFixture.citizen(api, name, "13712345678");
        String title = "署名发布" + Api.uniqueName("");
        ColumnFixture.acceptedStory(api, organiser, citizen, contest.code(), contest.recovery(), title);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        browser.get(server.baseUrl() + "/contest.xhtml?code=" + contest.code());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("manageContest"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#step-COLUMN a.step-link"))).click();
        By row = By.xpath("//*[@id='candidates:list']//tr[contains(., '" + title + "')]");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        browser.findElement(row).findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.findElement(row).findElement(By.xpath(".//button[contains(@id, 'publish')]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已发布到专栏"));
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(row).getText().contains("已发布") && d.findElement(row).getText().contains("署名"));

        String column = api.get("/api/v1/column/" + contest.code(), null, null).body();
        assertTrue(column.contains("\"author\":\"" + name + "\"") && column.contains(title), column);
    }

    /** Nothing sticks out sideways on a 375-px phone. */
    private static void assertFitsThePhone(WebDriver browser) {
        Number width = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        Number viewport = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        assertTrue(width.intValue() <= viewport.intValue(), "page " + width + " px wide on a " + viewport + "-px screen");
    }
}
