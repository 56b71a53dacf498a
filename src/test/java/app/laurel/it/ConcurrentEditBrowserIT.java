package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two organisers, each at their own laptop, open one contest's set-up page and both save: the second is told the
 * contest was changed by someone else, and what they typed on their stale page is not written over the first save.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class ConcurrentEditBrowserIT {

    @Test
    void theSecondOfTwoSetUpPagesIsToldAndOverwritesNothing(TestServer server, WebDriver first, WebDriver second) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        String code = "W" + Api.uniqueName("").toUpperCase(Locale.ROOT).substring(0, 8);
        assertEquals(201, api.post("/api/v1/contests", ConcurrentEditIT.settings(code, "两台电脑的活动", "0551-1111111", null),
                organiser, null).status());
        String secondName = Api.uniqueName("org");
        assertEquals(201, api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"第二组委","role":"ORGANISER","initialPassword":"Organiser2026page"}""".formatted(secondName),
                api.token("admin", "Laurel2026"), null).status());

        open(first, server, "organiser", "Laurel2026", code);
        open(second, server, secondName, "Organiser2026page", code);

        type(first, "setup:title", "第一位组委保存的标题");
        first.findElement(By.id("setup:save")).click();
        new WebDriverWait(first, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "活动设置已保存"));

        type(second, "setup:title", "第二位组委过时的标题");
        type(second, "setup:contact", "0551-2222222");
        second.findElement(By.id("setup:save")).click();
        new WebDriverWait(second, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已被他人修改"));
        String told = second.findElement(By.id("messages")).getText();
        assertTrue(told.contains("organiser"), "the message says who saved in between: " + told);

        var stored = api.get("/api/v1/contests/" + code, organiser, null).json();
        assertEquals("第一位组委保存的标题", stored.getString("title"), "the stale page's title is not written");
        try (var db = server.connect(); var q = db.prepareStatement("select contact from contest where code = ?")) {
            q.setString(1, code);
            try (var rows = q.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("0551-1111111", rows.getString(1), "nothing of the stale save is written");
            }
        }

        second.get(server.baseUrl() + "/organiser/contest.xhtml?code=" + code);
        WebElement reloaded = new WebDriverWait(second, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("setup:title")));
        assertEquals("第一位组委保存的标题", reloaded.getAttribute("value"));
        type(second, "setup:contact", "0551-2222222");
        second.findElement(By.id("setup:save")).click();
        new WebDriverWait(second, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "活动设置已保存"));
    }

    private static void open(WebDriver browser, TestServer server, String username, String password, String code) {
        browser.manage().window().setSize(new Dimension(1366, 900));
        PageActions.logIn(browser, server, username, password);
        browser.get(server.baseUrl() + "/organiser/contest.xhtml?code=" + code);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("setup:title")));
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
