package app.laurel.it;

import jakarta.json.JsonArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public's journey on a phone (issue 13): a stranger opens the home page, finds the published 公示 on the
 * contest's card, reads one status on it, prints it (落款, an unwrapped 编号 column, the full short link), and,
 * once the period is over, finds the objection form gone and the status changed, in Chinese and in English, on the
 * notice, the contest page and the home page alike; then checks a certificate by typing its serial on /verify.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class PublicJourneyIT {

    private static final String ISSUER = "衡阳县禁毒委员会办公室";

    @Test
    void aStrangerOnAPhoneFindsTheNoticeReadsOneStatusPrintsItAndChecksACertificate(TestServer server, WebDriver browser)
            throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "公示旅程测试", ISSUER);
        RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, contest, Duration.ofDays(7),
                "回家的路", "老李的十年", "远方");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Journey.phone(browser);

        browser.get(server.baseUrl() + "/");
        By card = By.xpath("//article[contains(@class, 'contest-card')][.//a[contains(@href, 'code=" + contest.code() + "')]]");
        WebElement onTheCard = wait.until(ExpectedConditions.presenceOfElementLocated(card)).findElement(By.cssSelector(".notice-link"));
        assertTrue(onTheCard.getText().contains("公示中"), "the card links the notice with its status: " + onTheCard.getText());
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", onTheCard);
        Journey.check(browser, "public-home");
        onTheCard.findElement(By.tagName("a")).click();

        wait.until(ExpectedConditions.urlContains("/n/" + notice.code()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("noticeStatus"), "公示中"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertFalse(page.contains("不在公示期") || page.contains("不受理"), "no word contradicts 公示中: " + page);
        assertTrue(browser.findElement(By.id("objectionSection")).isDisplayed(), "objections are taken while 公示中");
        String shortLink = browser.findElement(By.id("shortLink")).getText();
        assertTrue(shortLink.matches("https?://[^/]+(/.*)?/n/" + notice.code()), "the printed short link is a full address: " + shortLink);
        String today = DateTimeFormatter.ofPattern("yyyy年M月d日").format(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        assertEquals(ISSUER + "\n" + today, browser.findElement(By.id("noticeSignature")).getText(), "落款: issuing body and date");
        assertCodesOnOneLine(browser, "on the phone");
        Journey.check(browser, "public-notice");

        printed(browser, true);
        try {
            Journey.shot(browser, "public-notice-print");
            JavascriptExecutor js = (JavascriptExecutor) browser;
            assertEquals("none", js.executeScript("return getComputedStyle(document.querySelector('.site-header')).display;"),
                    "the header is not printed");
            assertEquals("none", js.executeScript("return getComputedStyle(document.getElementById('objectionSection')).display;"),
                    "the objection form is not printed");
            Number gap = (Number) js.executeScript("""
                    var signature = document.getElementById('noticeSignature').getBoundingClientRect();
                    var body = document.getElementById('issuingBody').getBoundingClientRect();
                    return signature.right - body.right;""");
            assertTrue(gap.doubleValue() < 2, "the 落款 sits at the bottom right on paper, " + gap + " px from the edge");
            assertTrue(browser.findElement(By.id("noticeSignature")).getText().contains(today));
            assertTrue(browser.findElement(By.id("shortLink")).getText().startsWith("http"), "the full address is printed");
            assertCodesOnOneLine(browser, "on paper");
        } finally {
            printed(browser, false);
        }

        // The stranger goes to verify a certificate later; meanwhile the period ends by the server's clock.
        server.moveClockPast(notice.endsAt());
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("noticeStatus"), "公示期已结束"));
        assertTrue(browser.findElements(By.id("objectionSection")).isEmpty(), "no objection form once the period is over");
        assertFalse(browser.findElement(By.tagName("main")).getText().contains("公示中"), "one status on the page");
        Journey.check(browser, "public-notice-closed");
        PageActions.menu(browser, "lang:switch");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("noticeStatus"), "Notice period over"));
        assertTrue(browser.findElements(By.id("objectionSection")).isEmpty(), "nor in English");
        Journey.check(browser, "public-notice-closed-en");

        assertEquals(200, api.post("/api/v1/notices/" + notice.id() + "/finalise", "", organiser, null).status());
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("noticeStatus"), "Result announced"));
        assertTrue(browser.findElements(By.id("objectionSection")).isEmpty());
        browser.get(server.baseUrl() + "/contest.xhtml?code=" + contest.code());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contestNotice"), "Result announced"));
        browser.get(server.baseUrl() + "/n/" + notice.code());
        PageActions.menu(browser, "lang:switch");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("noticeStatus"), "结果已公布"));
        assertTrue(browser.findElements(By.id("objectionSection")).isEmpty(), "the result is announced: no objection form");
        Journey.check(browser, "public-notice-final");
        browser.get(server.baseUrl() + "/contest.xhtml?code=" + contest.code());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contestNotice"), "结果已公布"));
        Journey.check(browser, "public-contest");
        browser.get(server.baseUrl() + "/");
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(card)).getText().contains("结果已公布"),
                "the home page's card says the same");

        String serial = certificateOfTheWinner(api, organiser, contest.code());
        browser.get(server.baseUrl() + "/verify");
        WebElement box = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("serialInput")));
        assertTrue(browser.findElements(By.id("verifyStatus")).isEmpty(), "no verdict before a serial is typed");
        Journey.check(browser, "public-verify");
        box.sendKeys(" " + serial + " ");
        browser.findElement(By.id("verifySubmit")).click();
        wait.until(ExpectedConditions.urlMatches("/verify/" + serial + "$"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verifyStatus"), "有效"));
        assertEquals("《回家的路》", browser.findElement(By.id("work")).getText());
        Journey.check(browser, "public-verify-result");
    }

    /** Every 编号 cell of the list is one line: no code broken over two. */
    private static void assertCodesOnOneLine(WebDriver browser, String where) {
        @SuppressWarnings("unchecked")
        List<Object> wrapped = (List<Object>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('#noticeList .notice-code')).filter(function (cell) {
                    var range = document.createRange();
                    range.selectNodeContents(cell);
                    return range.getClientRects().length > 1;
                }).map(function (cell) { return cell.textContent; });""");
        assertEquals(List.of(), wrapped, "the 编号 column does not wrap " + where);
        // Short codes fit anyway on this list; a longer one must not break at its hyphen either.
        assertEquals("nowrap", ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector('#noticeList td.notice-code')).whiteSpace;"), where);
    }

    /** The page as the print style sheet lays it out (Chromium's print media), or back to the screen. */
    private static void printed(WebDriver browser, boolean print) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
    }

    /** A certificate template, then the certificates of the notice's winners; the serial of the winner's. */
    private static String certificateOfTheWinner(Api api, String organiser, String contest) throws Exception {
        assertEquals(200, api.put("/api/v1/certificates/template?contest=" + contest, """
                {"title":"荣誉证书","body":"{name}同志：\\n　　你的作品《{work}》荣获“{award}”称号，特发此证。","award":"最美禁毒故事",
                 "issuer":"%s","issuedOn":"2026-12-01"}""".formatted(ISSUER), organiser).status());
        JsonArray issued = api.post("/api/v1/certificates/issue?contest=" + contest, "", organiser, null).structure().asJsonArray();
        return issued.stream().map(v -> v.asJsonObject()).filter(c -> c.getString("work").equals("回家的路"))
                .findFirst().orElseThrow().getString("serial");
    }
}
