package app.laurel.it;

import org.junit.jupiter.api.BeforeEach;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A citizen on a phone submits a story with a photo and sees the receipt; their township recommends it. */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class SubmissionBrowserIT {

    private static final String PASSWORD = "Phone2026story";
    private static final String STORY = "老周是我们村的禁毒专干，二十年来他走遍了全村的每一户人家。"
            + "他常说，毒品毁掉的不只是一个人，而是一整个家庭。为了帮助戒毒康复人员重新站起来，"
            + "他帮他们联系工作，陪他们去社区报到，逢年过节还带着米和油上门看望。"
            + "村里的孩子们都认识他，因为他每个学期都到村小学讲禁毒课。";

    @TempDir
    Path dir;

    private TestServer server;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open(TestServer server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    void citizenSubmitsAStoryWithAPhotoOnAPhoneAndTheTownshipRecommendsIt() throws Exception {
        Api api = new Api(server);
        String township = "演示镇" + Api.uniqueName("").substring(0, 6);
        String townshipAdmin = Api.uniqueName("twn");
        assertEquals(201, api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"联络员","role":"UNIT_ADMIN","unitName":"%s","unitType":"TOWNSHIP","initialPassword":"%s"}"""
                .formatted(townshipAdmin, township, PASSWORD), api.token("organiser", "Laurel2026"), null).status());
        String contest = ContestFixture.likeTheDemo(api, api.token("organiser", "Laurel2026"));
        server.enrol(contest, township);
        String citizen = api.registerCitizen(PASSWORD);
        String title = "村里的老周" + Api.uniqueName("").substring(0, 4);

        PageActions.logIn(browser, server, citizen, PASSWORD);
        browser.get(server.baseUrl() + "/contest.xhtml?code=" + contest);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("submitEntry"))).click();
        // The contest takes stories and videos: the form asks which first, then shows that type's fields.
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[@for='entry:type:0' and .='文字故事']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entry:title")));
        SelectMenus.choose(browser, "entry:category", "社区戒毒康复");
        browser.findElement(By.id("entry:title")).sendKeys(title);
        WebElement editor = browser.findElement(By.cssSelector("#entry\\:body .ql-editor"));
        editor.click();
        editor.sendKeys(STORY + STORY + STORY);
        SelectMenus.choose(browser, "entry:township", township);
        browser.findElement(By.cssSelector("#entry\\:originalityDeclared .ui-chkbox-box")).click();
        browser.findElement(By.cssSelector("#entry\\:displayConsent .ui-chkbox-box")).click();

        Path photo = TestFiles.png(dir, 800, 600);
        browser.findElement(By.id("uploadImage")).sendKeys(photo.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("files"), "photo-800x600.png"));
        assertTrue(fitsThePhone(), "the entry form does not scroll sideways at 375 px");

        browser.findElement(By.id("entry:submit")).click();
        wait.until(ExpectedConditions.urlContains("/entries/receipt.xhtml"));
        String receiptNo = browser.findElement(By.id("receiptNo")).getText();
        assertTrue(receiptNo.matches(contest + "-\\d{4}"), receiptNo);
        assertEquals(title, browser.findElement(By.id("receiptTitle")).getText());
        assertTrue(browser.findElement(By.id("receiptFiles")).getText().contains(TestFiles.sha256(photo)),
                "the receipt shows the photo's SHA-256");

        browser.manage().deleteAllCookies();
        PageActions.logIn(browser, server, townshipAdmin, PASSWORD);
        browser.get(server.baseUrl() + "/unit/recommend.xhtml?contest=" + contest);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("candidates"), title));
        assertTrue(browser.findElement(By.id("quota")).getText().contains("已报送 0 件（至少 1 件，最多 1 件）"));
        browser.findElement(By.cssSelector("#candidates button.recommend")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quotaState"), "已推选 1/1"));
        assertTrue(browser.findElement(By.id("quota")).getText().contains("已报送 1 件"));
    }



    private boolean fitsThePhone() {
        Object width = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        return ((Number) width).intValue() <= 375;
    }
}
