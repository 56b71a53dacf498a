package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organiser's set-up page round-trips a contest, dates included; the screening page shows the quota board. */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class ContestSetupBrowserIT {

    @Test
    void theDemoContestRoundTripsThroughTheSetUpPage(TestServer server, WebDriver browser) throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Api api = new Api(server);
        String phasesBefore = api.get("/api/v1/contests/HYKT2021", null, null).json().getJsonArray("phases").toString();

        PageActions.logIn(browser, server, "organiser", "Laurel2026");

        browser.get(server.baseUrl() + "/organiser/contest.xhtml?code=HYKT2021");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("setup:title")));
        assertTrue(browser.findElement(By.id("setup:title")).getAttribute("value").contains("一堂禁毒课"));
        assertEquals("禁毒教育课", browser.findElement(By.id("setup:categories")).getAttribute("value"));
        browser.findElement(By.id("setup:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "活动设置已保存"));

        assertEquals(phasesBefore, api.get("/api/v1/contests/HYKT2021", null, null).json().getJsonArray("phases").toString(),
                "dates survive the page's Beijing-time round trip to the minute");
        assertTrue(browser.findElement(By.id("units")).getText().contains("县公安局（示例）"));

        browser.get(server.baseUrl() + "/organiser/screening.xhtml?contest=HY2021");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quotaBoard")));
        String board = browser.findElement(By.id("quotaBoard")).getText();
        assertTrue(board.contains("县人民法院（示例）") && board.contains("不足 2 件"),
                "the quota board lists the court below its minimum of two: " + board);
    }
}
