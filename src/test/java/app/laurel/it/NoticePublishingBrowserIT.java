package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organiser on a laptop changes the period of the draft notice and presses 发布公示 without saving: the preview
 * shows the new dates exactly as the public page then does, and after publishing a correction (更正) of the period
 * and contact appears on the public page with its date and the new values, and through the API.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class NoticePublishingBrowserIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Test
    void whatTheOrganiserPreviewsIsWhatThePublicReadsAndCorrectionsAreShown(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        NoticeFixture.ClosedRound closed = NoticeFixture.closedRound(api, organiser, "回家的路", "远方");
        Api.Reply drafted = api.post("/api/v1/notices", "{\"roundId\":%d}".formatted(closed.round()), organiser, null);
        assertEquals(201, drafted.status(), drafted.body());
        String code = drafted.json().getString("shortCode");
        LocalDate tomorrow = LocalDate.now(BEIJING).plusDays(1);
        LocalDateTime newEnd = tomorrow.plusDays(9).atTime(17, 30);

        browser.manage().window().setSize(new Dimension(1366, 768));
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String adminPage = server.baseUrl() + "/organiser/notice.xhtml?contest=" + closed.contest().code();
        browser.get(adminPage);
        date(browser, wait, "edit:endsAt", newEnd);
        type(wait, "edit:contact", "县禁毒办 0734-1234567");
        browser.findElement(By.id("edit:publish")).click(); // not saved first

        WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice-preview article.notice-page")));
        String previewed = preview.getText();
        assertTrue(previewed.contains(MINUTES.format(newEnd)), "the preview shows the period from the form: " + previewed);
        assertTrue(previewed.contains("0734-1234567"), previewed);
        // The period starts tomorrow at 09:00: the public reads 即将公示, neither 草稿 nor 公示中 (issue 13: one status).
        assertTrue(previewed.contains("即将公示") && !previewed.contains("公示中"), "as the public will see it, not as a draft: " + previewed);
        browser.findElement(By.id("edit:confirmPublish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adminStatus"), "即将公示"));

        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + "/n/" + code);
        String published = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.notice-page"))).getText();
        assertTrue(browser.findElement(By.id("noticePeriod")).getText().endsWith(MINUTES.format(newEnd)),
                "the public page has the period from the form: " + browser.findElement(By.id("noticePeriod")).getText());
        assertEquals(previewed, published, "the preview is the public page");

        LocalDateTime extended = tomorrow.plusDays(12).atTime(18, 0);
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        browser.get(adminPage);
        date(browser, wait, "edit:endsAt", tomorrow.plusDays(8).atTime(18, 0));
        type(wait, "edit:reason", "提前结束");
        browser.findElement(By.id("edit:correct")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        // beside the end of the period; the form's hint also says 不能缩短, so wait for words only the refusal has
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("edit"), "以免提前截止"));

        date(browser, wait, "edit:endsAt", extended);
        type(wait, "edit:contact", "县禁毒办 0734-8888888");
        type(wait, "edit:reason", "延长公示期并更正联系电话");
        browser.findElement(By.id("edit:correct")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "更正已发布"));

        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + "/n/" + code);
        String today = DateTimeFormatter.ofPattern("yyyy年M月d日").format(LocalDate.now(BEIJING));
        String correction = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.correction"))).getText();
        assertTrue(correction.startsWith(today + " 更正：延长公示期并更正联系电话"), correction);
        assertTrue(correction.contains("公示结束时间由 " + MINUTES.format(newEnd) + " 更正为 " + MINUTES.format(extended)), correction);
        assertTrue(correction.contains("由“县禁毒办 0734-1234567”更正为“县禁毒办 0734-8888888”"), correction);
        assertTrue(browser.findElement(By.id("noticePeriod")).getText().endsWith(MINUTES.format(extended)));
        assertTrue(browser.findElement(By.id("noticeContact")).getText().contains("0734-8888888"));

        JsonObject json = api.get("/api/v1/notices/public/" + code, null, null).json();
        assertEquals(extended.atZone(BEIJING).toInstant().toString(), json.getString("endsAt"));
        assertEquals("县禁毒办 0734-8888888", json.getString("contact"));
        assertEquals(1, json.getJsonArray("corrections").size());
        assertEquals(correction, json.getJsonArray("corrections").getJsonObject(0).getString("text"));
    }

    /** Picks a date and time in the date picker through its widget (its key handling swallows a typed space). */
    private static void date(WebDriver browser, WebDriverWait wait, String id, LocalDateTime value) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id + "_input")));
        ((JavascriptExecutor) browser).executeScript("PrimeFaces.getWidgetById(arguments[0]).setDate(new Date(arguments[1],"
                + " arguments[2] - 1, arguments[3], arguments[4], arguments[5]));", id, value.getYear(), value.getMonthValue(),
                value.getDayOfMonth(), value.getHour(), value.getMinute());
        assertEquals(MINUTES.format(value), browser.findElement(By.id(id + "_input")).getAttribute("value"));
    }

    private static void type(WebDriverWait wait, String id, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, text, Keys.ESCAPE);
    }
}
