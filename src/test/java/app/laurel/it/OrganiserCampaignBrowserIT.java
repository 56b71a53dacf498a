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
 * An organiser on the campaign pages: the demo campaign's set-up with the seed's tasks, the progress matrix with
 * its filter, and the matrix and a unit's summary downloaded from the page with the page's session.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class OrganiserCampaignBrowserIT {

    @Test
    void anOrganiserOpensTheCampaignItsMatrixAndItsDownloads(TestServer server, WebDriver browser,
                                                             @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // A county bureau of the demo sends its plan (方案) as a PDF; the organiser opens it from the matrix.
        Api api = new Api(server);
        String bureau = api.token("yyxjy", "Laurel2026");
        long plan = api.upload(TestFiles.pdf(dir, "Work plan"), "方案.pdf", bureau).json().getJsonObject("file").getJsonNumber("id").longValue();
        Api.Reply sent = api.post("/api/v1/campaigns/YY2020/documents", "{\"kind\":\"PLAN\",\"fileId\":%d}".formatted(plan), bureau, null);
        assertEquals(201, sent.status(), sent.body());

        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(server.baseUrl() + "/organiser/campaigns.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText("岳阳市教育体育系统毒品预防教育专项行动")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("campaignTitle")));
        String setup = browser.findElement(By.tagName("main")).getText();
        assertTrue(setup.contains("党委中心组开展禁毒专题学习") && setup.contains("基教科"), "the seed's tasks and offices");
        assertFalse(browser.getPageSource().contains("系统出错了"));

        browser.findElement(By.id("matrixLink")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grid")));
        assertTrue(browser.findElement(By.id("grid")).getText().contains("岳阳市第一中学"), "units are rows of the matrix");
        browser.findElement(By.id("filter:apply")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grid")));

        JavascriptExecutor js = (JavascriptExecutor) browser;
        String excel = browser.findElement(By.id("filter:export")).getAttribute("href");
        assertEquals("200 PK", js.executeAsyncScript(fetchHead(), excel), "the Excel matrix, fetched with the page's session");
        String pdf = browser.findElement(By.cssSelector("a[href$='summary.pdf']")).getAttribute("href");
        assertEquals("200 %P", js.executeAsyncScript(fetchHead(), pdf).toString().substring(0, 6), "a unit's one-page PDF");
        String planLink = browser.findElement(By.cssSelector("a.unit-document")).getAttribute("href");
        assertEquals("工作方案", browser.findElement(By.cssSelector("a.unit-document")).getText());
        assertEquals("200 %P", js.executeAsyncScript(fetchHead(), planLink).toString().substring(0, 6), "the bureau's plan opens");
    }

    @Test
    void aTaskTypedOnTheSetupPageIsReadAsTheApiAndTheImportReadIt(TestServer server, WebDriver browser) throws Exception {
        CampaignFixture f = new CampaignFixture(new Api(server));
        f.office("安全科");
        f.office("信息科");
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(server.baseUrl() + "/organiser/campaign.xhtml?campaign=" + f.code);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task:text"))).sendKeys("联合开展禁毒宣传");
        browser.findElement(By.id("task:evidenceRequired")).sendKeys("查宣传图片");
        browser.findElement(By.id("task:offices")).sendKeys("安全科、信息科");
        ((JavascriptExecutor) browser).executeScript("PrimeFaces.getWidgetById('task:due').setDate(new Date(2030, 0, 31));"
                + "PrimeFaces.getWidgetById('task:comparison').selectValue('AT_LEAST');");
        browser.findElement(By.id("task:add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "选择了目标比较，请填写目标数值"));
        assertFalse(browser.findElement(By.id("taskList")).getText().contains("联合开展禁毒宣传"), "the refused task is not added");

        browser.findElement(By.id("task:target_input")).sendKeys("4", Keys.TAB);
        browser.findElement(By.id("task:targetUnit")).sendKeys("条");
        browser.findElement(By.id("task:add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("taskList"), "联合开展禁毒宣传"));
        String task = browser.findElement(By.id("taskList")).getText();
        assertTrue(task.contains("安全科") && task.contains("信息科") && task.contains("≥ 4 条"), task);
    }

    /** Status and the first two bytes of a download, as the browser receives it. */
    private static String fetchHead() {
        return "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.arrayBuffer().then(b =>"
                + " done(r.status + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 2)))))).catch(e => done('failed ' + e));";
    }
}
