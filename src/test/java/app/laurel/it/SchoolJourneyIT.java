package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;

/**
 * The school's journey on a phone (issue 13): a school with fourteen tasks taps 报送 on task 13, far down the list,
 * and the report form is right there in view (it used to open 3,000 px above, out of sight); it reports and sees
 * the task waiting for review.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class SchoolJourneyIT {

    @Test
    void aSchoolOnAPhoneReportsTaskThirteenWithTheFormInView(TestServer server, WebDriver browser) throws Exception {
        CampaignFixture f = new CampaignFixture(new Api(server));
        f.office("安全科");
        String school = "旅程测试学校" + f.code;
        String admin = f.unitAdmin(school);
        f.enrol(school);
        String due = LocalDate.now().plusDays(10).toString();
        for (int i = 1; i <= 14; i++) {
            f.task("第" + i + "项：开展禁毒主题班会并留存照片和记录", "\"安全科\"", null, null, null, due);
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Journey.phone(browser);
        PageActions.logIn(browser, server, admin, CampaignFixture.PASSWORD);
        PageActions.menu(browser, "navCampaignTasks");
        By task13 = By.xpath("//article[contains(., '第13项')]");
        wait.until(ExpectedConditions.presenceOfElementLocated(task13));
        Journey.check(browser, "school-tasks");

        By open = By.xpath("//article[contains(., '第13项')]//button[contains(@class, 'open-report')]");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement button = d.findElement(open);
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
            button.click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reportTask"), "第13项"));
        // In view: the form's top and its text field lie within the phone's screen, without the person scrolling.
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                var form = document.getElementById('report').getBoundingClientRect();
                var text = document.getElementById('report:text').getBoundingClientRect();
                return form.top >= 0 && form.top < window.innerHeight && text.top >= 0 && text.bottom <= window.innerHeight;"""));
        Journey.check(browser, "school-report-form");

        browser.findElement(By.id("report:text")).sendKeys("11月28日召开禁毒主题班会，全校 24 个班级参加，附会议记录。");
        browser.findElement(By.id("report:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已报送，等待责任科室审核。"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(task13, "待审核"));
        Journey.check(browser, "school-reported-message");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(task13, "待审核"));
        Journey.check(browser, "school-reported");
    }
}
