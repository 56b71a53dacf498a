package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organiser on the publication pages: drafts the notice from the closed round and publishes it, saves the
 * certificate template and previews it, and sets up an award level. Each page must render and act.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class OrganiserPublicationBrowserIT {

    @Test
    void anOrganiserPublishesTheNoticeAndPreparesCertificatesAndPrizes(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = NoticeFixture.closedRound(api, organiser, "回家的路", "远方").contest();

        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(server.baseUrl() + "/organiser/notice.xhtml?contest=" + contest.code());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".draft-button"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adminStatus"), "草稿"));
        assertTrue(browser.findElement(By.id("edit:body")).getAttribute("value").contains("匿名异议不予受理"));
        browser.findElement(By.id("edit:contact")).clear();
        browser.findElement(By.id("edit:contact")).sendKeys("县禁毒办 0734-1234567");
        browser.findElement(By.id("edit:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已保存"));
        browser.findElement(By.id("edit:publish")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("edit:confirmPublish"))).click();
        // The drafted period starts tomorrow: the badge says what the public reads (issue 13).
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adminStatus"), "即将公示"));
        String publicPage = browser.findElement(By.id("actions:publicLink")).getAttribute("href");
        browser.get(publicPage);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("noticeList"), "回家的路"));
        assertTrue(browser.findElement(By.cssSelector(".muted")).getText().contains("0734-1234567")
                || browser.getPageSource().contains("0734-1234567"), "the contact is on the public notice");

        browser.get(server.baseUrl() + "/organiser/certificates.xhtml?contest=" + contest.code());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template:body")));
        assertTrue(browser.findElement(By.id("template:body")).getAttribute("value").contains("{name}"), "the standard text");
        browser.findElement(By.id("template:issuer")).clear();
        browser.findElement(By.id("template:issuer")).sendKeys("衡阳县禁毒委员会");
        browser.findElement(By.id("template:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "证书模板已保存"));
        String preview = browser.findElement(By.id("template:preview")).getAttribute("href");
        Object head = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(String.fromCharCode(...new Uint8Array(b.slice(0, 5)))),"
                + " e => done('failed ' + e));", preview);
        assertEquals("%PDF-", head, "the preview is a PDF");
        browser.findElement(By.id("issue:issueAll")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "还没有获奖作品"));

        browser.get(server.baseUrl() + "/organiser/prizes.xhtml?contest=" + contest.code());
        browser.findElement(By.id("prizes:levelName")).sendKeys("衡阳县最美禁毒故事");
        browser.findElement(By.id("prizes:levelAmount_input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "1000", Keys.TAB);
        browser.findElement(By.id("prizes:addLevel")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "奖项已添加"));
        assertTrue(browser.getPageSource().contains("¥1000.00"), "the level with its amount");
        String export = browser.findElement(By.id("prizes:export")).getAttribute("href");
        Object zip = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 2))))))"
                + ".catch(e => done('failed ' + e));", export);
        assertEquals("200 PK", zip, "the finance list downloads from the page, with the page's session");
        assertFalse(browser.getPageSource().contains("系统出错了"));
    }
}
