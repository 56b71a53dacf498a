package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The office's journey on a laptop (issue 13): a reviewer returns a school's report without a reason and is told
 * 请填写退回原因 beside the reason field (nothing changes), then returns it with one; the organiser reads the progress
 * matrix of fourteen tasks across the laptop's width, each task's abbreviated name in its header and the full name
 * on hover and for screen readers.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class OfficeJourneyIT {

    private static final String TASK_13 = "组织全体师生观看禁毒警示教育片并撰写观后感";

    @Test
    void aReviewerIsToldToGiveAReasonAndTheOrganiserReadsTheWholeMatrix(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        CampaignFixture f = new CampaignFixture(api);
        long office = f.office("安全科");
        String reviewer = f.reviewer(office);
        String school = "旅程测试学校" + f.code;
        String admin = f.unitAdmin(school);
        f.enrol(school);
        String due = LocalDate.now().plusDays(10).toString();
        long thirteen = 0;
        for (int i = 1; i <= 14; i++) {
            long task = f.task(i == 13 ? TASK_13 : "开展禁毒主题宣传活动（" + i + "）并留存照片", "\"安全科\"", null, null, null, due);
            thirteen = i == 13 ? task : thirteen;
        }
        Api.Reply reported = api.post(f.path("/tasks/" + thirteen + "/report"), "{\"text\":\"已组织观看，附观后感 30 篇。\",\"fileIds\":[]}",
                api.token(admin, CampaignFixture.PASSWORD), null);
        assertEquals(200, reported.status(), reported.body());

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Journey.laptop(browser);
        PageActions.logIn(browser, server, reviewer, CampaignFixture.PASSWORD);
        browser.get(server.baseUrl() + "/review/index.xhtml?campaign=" + f.code);
        By card = By.xpath("//article[contains(., '" + TASK_13 + "')]");
        wait.until(ExpectedConditions.presenceOfElementLocated(card)).findElement(By.cssSelector("button.return")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".reason-field .reason-error")));
        assertEquals("请填写退回原因。", error.getText());
        WebElement field = browser.findElement(card).findElement(By.cssSelector(".reason-field"));
        assertTrue(field.getText().contains("请填写退回原因"), "the message stands beside the reason field of that report");
        assertFalse(browser.findElement(By.id("messages")).getText().contains("长度"), "no generic length message at the top");
        assertTrue(browser.findElement(card).getText().contains("待审核"), "nothing was decided");
        Journey.check(browser, "office-return-without-reason");
        browser.findElement(card).findElement(By.cssSelector("input.reason")).sendKeys("观后感缺少班级和日期，请补充后重新报送。");
        browser.findElement(card).findElement(By.cssSelector("button.return")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已退回修改"));

        browser.manage().deleteAllCookies();
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        browser.get(server.baseUrl() + "/organiser/campaign-matrix.xhtml?campaign=" + f.code);
        WebElement matrix = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("matrix")));
        // The page's main column was 960 px at most (the matrix got ~870 px of a 1366-px screen); now the matrix's own.
        Number width = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('.matrix-scroll').getBoundingClientRect().width;");
        assertTrue(width.doubleValue() > 1200, "the matrix uses the laptop's width, not " + width + " px");
        List<WebElement> heads = matrix.findElements(By.cssSelector("thead th.task-head"));
        assertEquals(14, heads.size());
        WebElement head13 = heads.get(12);
        assertEquals(TASK_13, head13.getAttribute("title"), "the full name on hover");
        String shown = head13.findElement(By.cssSelector("[aria-hidden='true']")).getText();
        assertEquals("13\n组织全体师…", shown, "the number and an abbreviated name");
        assertTrue(head13.findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent").contains(TASK_13),
                "the full name for screen readers");
        Number noWrapped = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('.matrix-scroll').scrollWidth - document.querySelector('.matrix-scroll').clientWidth;");
        assertEquals(0, noWrapped.intValue(), "fourteen tasks fit the laptop without scrolling the matrix sideways");
        Journey.check(browser, "office-matrix");
    }
}
