package app.laurel.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, the citizen on a phone (390 px): from a link to the video collection to a corrected entry, without help.
 * Reads the rules, taps 我要投稿, registers on the way and comes back logged in to a form that already shows the video
 * field; a mistake is explained beside its field, in view; uploads show their progress in words and a thumbnail, a
 * wrong file is refused in plain words; the receipt number survives a correction (修改), whose history keeps both
 * versions with their own file hashes; after the deadline a correction is refused.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class CitizenJourneyIT {

    private static final String PASSWORD = "Phone2026video";

    @TempDir
    Path dir;

    private TestServer server;
    private WebDriver browser;
    private WebDriverWait wait;
    private Api api;

    @BeforeEach
    void open(TestServer server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        this.api = new Api(server);
        Journey.phone(browser);
    }

    @Test
    void aCitizenFromALinkSubmitsAVideoThenCorrectsItUnderTheSameReceipt() throws Exception {
        String organiser = api.token("organiser", "Laurel2026");
        String contest = ContestFixture.like(api, organiser, "HYKT2021");
        Path video = TestFiles.mp4(dir, 26 * 60);
        Path poster = TestFiles.png(dir, 800, 600);
        Path newPoster = TestFiles.png(dir, 640, 480);
        Path notAPicture = TestFiles.pdf(dir, "这是一份说明文档，不是图片。");

        // From a link shared in a chat: the contest page states the rules before anything is started.
        browser.get(server.baseUrl() + "/contest.xhtml?code=" + contest);
        String rules = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules"))).getText();
        assertTrue(rules.contains("视频时长 25～35 分钟"), rules);
        assertTrue(rules.contains("MP4") && rules.contains("不超过 4096 MB"), rules);
        assertTrue(rules.contains("封面图片 1 张"), rules);
        Journey.check(browser, "citizen-1-contest");

        // 我要投稿 → log in → no account yet → register → straight back on the form, logged in.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("submitEntry"))).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        Journey.check(browser, "citizen-2-login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#login a[href*='register']"))).click();
        String username = Api.uniqueName("cj");
        type("register:username", username);
        type("register:displayName", "李老师");
        type("register:phone", "13900002222");
        type("register:password", PASSWORD);
        type("register:passwordConfirmation", PASSWORD);
        Journey.check(browser, "citizen-3-register");
        browser.findElement(By.id("register:submit")).click();
        wait.until(ExpectedConditions.urlContains("/entries/edit.xhtml"));
        assertTrue(browser.getCurrentUrl().contains("contest=" + contest), browser.getCurrentUrl());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("navAccount")));

        // The video field is there at once; no type to choose, no "null" in the rules.
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uploadVideo"))).isDisplayed());
        String form = browser.findElement(By.id("entry")).getText();
        assertFalse(form.contains("null"), form);
        assertTrue(form.contains("视频时长 25～35 分钟"), form);
        assertFalse(browser.findElement(By.id("entry:type")).isDisplayed(), "one type: nothing to choose");
        Journey.check(browser, "citizen-4-form");

        // A mistake: submitting at once. Each message stands beside its field, and the first is brought into view.
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight);");
        browser.findElement(By.id("entry:submit")).click();
        WebElement firstMessage = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#entry .ui-message-error")));
        assertTrue(besideField("entry:category").contains("必填") || besideField("entry:category").contains("请"),
                besideField("entry:category"));
        assertTrue(browser.findElement(By.id("entry:video")).getText().contains("请上传一个视频文件"),
                browser.findElement(By.id("entry:video")).getText());
        wait.until(driver -> inView(firstMessage));
        Journey.check(browser, "citizen-5-mistake");

        // The video, then a file that is no picture offered as the cover, then the real cover picture.
        watchUploadStatus();
        browser.findElement(By.id("uploadVideo")).sendKeys(video.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry:fileList"), video.getFileName().toString()));
        assertTrue(sawProgress(), "the status said 上传中 … % while the video went up: " + statuses());

        browser.findElement(By.id("uploadPoster")).sendKeys(notAPicture.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#entry\\:poster .upload-status"), "这不是图片文件"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.findElement(By.id("entry:poster")));
        Journey.check(browser, "citizen-6-refused");
        browser.findElement(By.id("uploadPoster")).sendKeys(poster.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry:fileList"), poster.getFileName().toString()));
        assertFalse(browser.findElement(By.id("entry:poster")).getText().contains("这不是图片文件"),
                "the refusal is gone after the picture went up");
        WebElement thumbnail = browser.findElement(By.cssSelector("#entry\\:fileList img.thumb"));
        wait.until(driver -> ((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth;", thumbnail)).intValue() > 0);
        assertTrue(isAbove(By.id("entry:poster"), By.id("entry:submit")), "the upload boxes sit above the submit button");

        // Put right and submitted: the receipt.
        SelectMenus.choose(browser, "entry:category", "禁毒教育课");
        type("entry:title", "一堂课：远离毒品");
        browser.findElement(By.cssSelector("#entry\\:originalityDeclared .ui-chkbox-box")).click();
        browser.findElement(By.cssSelector("#entry\\:displayConsent .ui-chkbox-box")).click();
        Journey.check(browser, "citizen-7-ready");
        browser.findElement(By.id("entry:submit")).click();
        wait.until(ExpectedConditions.urlContains("/entries/receipt.xhtml"));
        String receiptNo = browser.findElement(By.id("receiptNo")).getText();
        assertTrue(receiptNo.matches(contest + "-\\d{4}"), receiptNo);
        assertEquals("第 1 版", browser.findElement(By.id("receiptVersion")).getText());
        assertTrue(browser.findElement(By.id("receiptFiles")).getText().contains(TestFiles.sha256(video)));
        Journey.check(browser, "citizen-8-receipt");

        // 我的作品 from the menu, across contests; 修改 and 撤回 are two separate buttons.
        PageActions.menu(browser, "navMyEntries");
        WebElement mine = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("section[data-contest='" + contest + "']")));
        assertTrue(mine.getText().contains("一堂课：远离毒品") && mine.getText().contains(receiptNo), mine.getText());
        assertTrue(mine.findElement(By.cssSelector("button.withdraw")).isDisplayed());
        Journey.check(browser, "citizen-9-mine");
        mine.findElement(By.cssSelector("a[id$=':edit']")).click();

        // The correction: a new title and another cover picture; the receipt number stays.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("correcting")));
        assertTrue(browser.findElement(By.id("correcting")).getText().contains(receiptNo));
        WebElement title = browser.findElement(By.id("entry:title"));
        title.clear();
        title.sendKeys("一堂课：远离毒品（修改版）");
        browser.findElement(By.xpath("//li[contains(., '" + poster.getFileName() + "')]//a[contains(., '移除')]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("entry:fileList"),
                poster.getFileName().toString())));
        browser.findElement(By.id("uploadPoster")).sendKeys(newPoster.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry:fileList"), newPoster.getFileName().toString()));
        Journey.check(browser, "citizen-10-correcting");
        assertEquals("提交修改", browser.findElement(By.id("entry:submit")).getText());
        browser.findElement(By.id("entry:submit")).click();
        wait.until(ExpectedConditions.urlContains("/entries/receipt.xhtml"));
        assertEquals(receiptNo, browser.findElement(By.id("receiptNo")).getText(), "a correction keeps the receipt number");
        assertEquals("第 2 版（已修改）", browser.findElement(By.id("receiptVersion")).getText());
        List<WebElement> versions = browser.findElements(By.cssSelector("#history .version"));
        assertEquals(2, versions.size());
        assertTrue(versions.get(0).getText().contains("（修改版）") && versions.get(0).getText().contains(TestFiles.sha256(newPoster)),
                versions.get(0).getText());
        assertTrue(versions.get(1).getText().contains(TestFiles.sha256(poster))
                && !versions.get(1).getText().contains(TestFiles.sha256(newPoster)), versions.get(1).getText());
        Journey.check(browser, "citizen-11-corrected");

        // After the deadline (the server's clock) 修改 is gone from 我的作品 and refused through the API in words.
        server.moveClockPast(submissionDeadline(contest));
        String token = api.token(username, PASSWORD);
        long entryId = api.get("/api/v1/entries?contest=" + contest, token, null).structure().asJsonArray()
                .getJsonObject(0).getJsonNumber("id").longValue();
        JsonArray history = api.get("/api/v1/entries/" + entryId + "/versions", token, null).structure().asJsonArray();
        assertEquals(2, history.size(), history.toString());
        assertEquals(2, history.getJsonObject(0).getInt("number"));
        assertTrue(history.getJsonObject(0).toString().contains(TestFiles.sha256(newPoster))
                && history.getJsonObject(1).toString().contains(TestFiles.sha256(poster)), history.toString());
        Api.Reply late = api.put("/api/v1/entries/" + entryId, "{\"title\":\"截止后再改\"}", token);
        assertEquals(409, late.status(), late.body());
        assertTrue(late.body().contains("已提交的作品不能再修改"), late.body());
        browser.get(server.baseUrl() + "/entries/mine.xhtml");
        WebElement closed = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("section[data-contest='" + contest + "']")));
        assertTrue(closed.findElements(By.cssSelector("a[id$=':edit']")).isEmpty(), "no 修改 after the deadline");
    }

    @Test
    void tappingTheSubmitButtonAgainContinuesTheDraftAndTheServiceRefusesAWrongFileInPlainWords() throws Exception {
        String organiser = api.token("organiser", "Laurel2026");
        String contest = ContestFixture.like(api, organiser, "HYKT2021");
        String citizen = api.registerCitizen(PASSWORD);
        PageActions.logIn(browser, server, citizen, PASSWORD);

        browser.get(server.baseUrl() + "/contest.xhtml?code=" + contest);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("submitEntry"))).click();
        type("entry:title", "我的第一稿");
        browser.findElement(By.id("entry:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "草稿已保存"));

        browser.get(server.baseUrl() + "/contest.xhtml?code=" + contest);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("submitEntry"))).click();
        assertEquals("我的第一稿", wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entry:title"))).getAttribute("value"),
                "the second 我要投稿 opens the draft already started");
        String token = api.token(citizen, PASSWORD);
        JsonArray entries = api.get("/api/v1/entries?contest=" + contest, token, null).structure().asJsonArray();
        assertEquals(1, entries.size(), entries.toString());

        // The API starting a draft again continues the same one, too (the rule is the service's).
        Api.Reply again = api.post("/api/v1/entries", "{\"contest\":\"%s\",\"type\":\"VIDEO\",\"title\":\"我的第一稿\"}".formatted(contest),
                token, null);
        assertEquals(entries.getJsonObject(0).getJsonNumber("id").longValue(), again.json().getJsonNumber("id").longValue());

        // A document offered as the cover picture: refused by the service in plain words, not a media type.
        Path pdf = TestFiles.pdf(dir, "不是图片");
        JsonObject stored = api.upload(pdf, "cover.pdf", token).json().getJsonObject("file");
        Api.Reply refused = api.post("/api/v1/entries/" + again.json().getJsonNumber("id") + "/files",
                "{\"fileId\":%d,\"role\":\"POSTER\"}".formatted(stored.getJsonNumber("id").longValue()), token, null);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("这不是图片文件") && !refused.body().contains("application/pdf"), refused.body());
    }

    private Instant submissionDeadline(String contest) throws Exception {
        return api.get("/api/v1/contests/" + contest, null, null).json().getJsonArray("phases").stream()
                .map(JsonValue::asJsonObject).filter(p -> p.getString("kind").equals("SUBMISSION"))
                .map(p -> Instant.parse(p.getString("endsAt"))).findFirst().orElseThrow();
    }

    private void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.clear();
        input.sendKeys(text);
    }

    /** The text of the message beside a field (the field's own box, as the l:field tag lays it out). */
    private String besideField(String inputId) {
        return browser.findElement(By.id(inputId)).findElement(By.xpath("ancestor::div[contains(@class,'field')][1]")).getText();
    }

    private boolean inView(WebElement element) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", element);
    }

    private boolean isAbove(By upper, By lower) {
        return browser.findElement(upper).getRect().getY() < browser.findElement(lower).getRect().getY();
    }

    /** Records every text the upload status lines show, since a fast upload passes through its percentages in moments. */
    private void watchUploadStatus() {
        ((JavascriptExecutor) browser).executeScript("""
                window.__statuses = [];
                new MutationObserver(function (changes) {
                    changes.forEach(function (c) {
                        var box = c.target.nodeType === 1 ? c.target : c.target.parentNode;
                        if (box && box.classList && box.classList.contains('upload-status')) {
                            window.__statuses.push(box.textContent);
                        }
                    });
                }).observe(document.body, {subtree: true, childList: true, characterData: true});
                """);
    }

    private String statuses() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return (window.__statuses || []).join(' | ');"));
    }

    private boolean sawProgress() {
        return statuses().matches("(?s).*上传中 \\d{1,3} %.*");
    }

}
