package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static app.laurel.it.RoundFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, the township clerk: on a phone, opens 摸底推选 from the menu, reads a citizen's story with its picture
 * before choosing, recommends it, sees "已推选 1/1：《…》", finds 推选 off for the others with the reason (and the
 * server refusing too), and swaps the recommendation for another entry in one step.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class ClerkJourneyIT {

    @TempDir
    Path dir;

    @Test
    void aClerkReadsRecommendsAndSwapsWithinTheQuota(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        String contestTitle = "讲述身边的禁毒故事" + Api.uniqueName("").substring(0, 4);
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, contestTitle);
        RoundFixture.Township township = RoundFixture.township(api, server, organiser, contest.code());
        long first = RoundFixture.acceptedNaming(api, organiser, contest.code(), contest.category(), "巷口的禁毒宣传栏", township.id(),
                "每天放学，孩子们都在宣传栏前停一停，读一读禁毒的故事。", TestFiles.png(dir, 400, 300));
        long second = RoundFixture.acceptedNaming(api, organiser, contest.code(), contest.category(), "妈妈的电话", township.id());
        long elsewhere = RoundFixture.acceptedEntry(api, organiser, contest, "别处的故事");
        String clerkToken = api.token(township.admin(), PASSWORD);
        assertEquals(404, api.get("/api/v1/recommendations/" + contest.code() + "/candidates/" + elsewhere, clerkToken, null).status(),
                "an entry naming no township of the clerk's stays unread");

        Journey.phone(browser);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        PageActions.logIn(browser, server, township.admin(), PASSWORD);
        PageActions.menu(browser, "navRecommend");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(contestTitle)));
        Journey.check(browser, "clerk-1-contests");
        browser.findElement(By.linkText(contestTitle)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quotaState"), "已推选 0/1"));
        Journey.check(browser, "clerk-2-candidates");

        candidate(browser, "巷口的禁毒宣传栏").findElement(By.cssSelector("a.read")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("candidateTitle"), "巷口的禁毒宣传栏"));
        assertTrue(browser.findElement(By.id("candidateText")).getText().contains("宣传栏前"), "the story itself");
        WebElement photo = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("img.thumb")));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth;", photo)).intValue() > 0);
        Journey.check(browser, "clerk-3-story");
        browser.findElement(By.id("back")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quotaState"), "已推选 0/1"));
        candidate(browser, "巷口的禁毒宣传栏").findElement(By.cssSelector("button.recommend")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quotaState"), "已推选 1/1"));
        assertTrue(browser.findElement(By.id("quotaState")).getText().contains("《巷口的禁毒宣传栏》"));
        WebElement other = candidate(browser, "妈妈的电话").findElement(By.cssSelector("button.recommend"));
        assertFalse(other.isEnabled(), "推选 is off once the quota is full");
        assertTrue(browser.findElement(By.id("candidates:quotaReason")).getText().contains("名额已满"), "and says why");
        assertEquals(409, api.post("/api/v1/recommendations/" + contest.code() + "/" + second, "", clerkToken, null).status(),
                "the server refuses it as well");
        Journey.check(browser, "clerk-4-full");

        browser.findElement(By.cssSelector("#quotaState button.swap")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("candidates:swapping"), "《巷口的禁毒宣传栏》"));
        candidate(browser, "妈妈的电话").findElement(By.cssSelector("button.swap-in")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quotaState"), "《妈妈的电话》"));
        assertTrue(browser.findElement(By.id("quotaState")).getText().contains("已推选 1/1"));
        assertFalse(browser.findElement(By.id("quotaState")).getText().contains("巷口的禁毒宣传栏"), "swapped out");
        assertFalse(recommended(api, contest, first, clerkToken));
        assertTrue(recommended(api, contest, second, clerkToken));
        Journey.check(browser, "clerk-5-swapped");
    }

    private static WebElement candidate(WebDriver browser, String title) {
        return browser.findElements(By.cssSelector("article.candidate")).stream()
                .filter(a -> a.findElement(By.tagName("h2")).getText().contains(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate " + title));
    }

    private static boolean recommended(Api api, RoundFixture.ContestRef contest, long entry, String token) throws Exception {
        JsonObject json = api.get("/api/v1/recommendations/" + contest.code() + "/candidates/" + entry, token, null).json();
        return json.getBoolean("recommended");
    }
}
