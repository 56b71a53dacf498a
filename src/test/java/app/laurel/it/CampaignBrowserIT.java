package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a 375-px phone, the demo's 岳阳市第一中学 reports a photo for task 1 (办公室's), and the 办公室 reviewer accepts it;
 * the school then sees the task done.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class CampaignBrowserIT {

    private static final String TASK = "党委中心组开展禁毒专题学习";

    @Test
    void aSchoolReportsEvidenceOnAPhoneAndTheOfficeAcceptsIt(TestServer server, WebDriver browser, @TempDir Path dir) throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        PageActions.logIn(browser, server, "yy1z", "Laurel2026");
        PageActions.menu(browser, "navCampaignTasks");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaignName"), "岳教体办通〔2020〕33号"));
        By open = By.xpath("//article[contains(., '" + TASK + "')]//button[contains(@class, 'open-report')]");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(open).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reportTask"), TASK));

        Path photo = TestFiles.png(dir, 640, 480);
        browser.findElement(By.id("uploadEvidence")).sendKeys(photo.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending"), "photo-640x480.png"));
        browser.findElement(By.id("report:text")).sendKeys("10月20日党委中心组专题学习禁毒工作，附会议记录照片。");
        assertTrue(fitsThePhone(browser), "the report form does not scroll sideways at 375 px");
        browser.findElement(By.id("report:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已报送，等待责任科室审核。"));
        By card = By.xpath("//article[contains(., '" + TASK + "')]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "待审核"));

        browser.manage().deleteAllCookies();
        PageActions.logIn(browser, server, "bgs", "Laurel2026");
        PageActions.menu(browser, "navReview");
        By pending = By.xpath("//article[contains(., '岳阳市第一中学') and contains(., '" + TASK + "')]");
        wait.until(ExpectedConditions.presenceOfElementLocated(pending));
        String seen = browser.findElement(pending).getText();
        assertTrue(seen.contains("10月20日党委中心组专题学习") && seen.contains("photo-640x480.png"), seen);
        assertTrue(seen.matches("(?s).*佐证材料\\s+photo-640x480\\.png\\s+\\d+ KB.*") && !seen.contains("image/png"),
                "the reviewer reads what the file is and its size, not its MIME type: " + seen);
        assertTrue(fitsThePhone(browser), "the review queue does not scroll sideways at 375 px");
        browser.findElement(By.xpath("//article[contains(., '岳阳市第一中学') and contains(., '" + TASK + "')]//button[contains(@class, 'accept')]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已审核通过。"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(pending));

        browser.manage().deleteAllCookies();
        PageActions.logIn(browser, server, "yy1z", "Laurel2026");
        browser.get(server.baseUrl() + "/unit/campaign.xhtml");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "已完成"));
        assertTrue(browser.findElements(By.xpath("//article[contains(., '" + TASK + "')]//button")).isEmpty(),
                "an accepted report cannot be reported again");
    }

    private static boolean fitsThePhone(WebDriver browser) {
        Object width = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        return ((Number) width).intValue() <= 375;
    }
}
