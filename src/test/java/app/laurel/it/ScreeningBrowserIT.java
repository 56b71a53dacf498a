package app.laurel.it;

import app.laurel.submission.CopiedStories;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organiser finds an entry, returns it with a reason, and compares two near-duplicates side by side. */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class ScreeningBrowserIT {

    private static final String PASSWORD = "Screen2026page";

    @Test
    void organiserReturnsAnEntryWithAReasonAndComparesADuplicatePair(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String contest = ContestFixture.likeTheDemo(api, api.token("organiser", "Laurel2026"));
        String marker = Api.uniqueName("m");
        JsonObject original = submit(api, contest, "原作" + marker, ScreeningApiIT.paragraphs(CopiedStories.original()));
        // Three quarters of the copy are nine of the original's sentences, retyped with other punctuation.
        JsonObject copy = submit(api, contest, "抄件" + marker, ScreeningApiIT.paragraphs(CopiedStories.copying(0.75, 1, 9)));

        browser.manage().window().setSize(new Dimension(1366, 900)); // organisers screen on a laptop
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        PageActions.logIn(browser, server, "organiser", "Laurel2026");

        browser.get(server.baseUrl() + "/organiser/screening.xhtml?contest=" + contest);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filter:text"))).sendKeys("原作" + marker);
        browser.findElement(By.id("filter:search")).click();
        By screen = By.xpath("//*[@id='list:entries_data']/tr[contains(., '" + original.getString("receiptNo") + "')]//a[contains(@class,'open')]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:entries"), "原作" + marker));
        // The list is re-rendered when the search answers: click once it has settled.
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(screen).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBe(By.id("entryTitle"), "原作" + marker + " 已提交"));
        browser.findElement(By.id("decision:return")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision"), "长度应为 1～500 个字符"));
        browser.findElement(By.id("decision:reason")).sendKeys("请补充老陈所在的社区名称");
        browser.findElement(By.id("decision:return")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "审查决定已记录"));

        String screened = api.get("/api/v1/screening/" + contest + "/entries?q=" + "原作" + marker, api.token("organiser", "Laurel2026"), null).body();
        assertTrue(screened.contains("\"status\":\"RETURNED\"") && screened.contains("请补充老陈所在的社区名称"), screened);

        DuplicateChecks.awaitChecked(server, original.getJsonNumber("id").longValue(), copy.getJsonNumber("id").longValue());
        browser.get(server.baseUrl() + "/organiser/screening.xhtml?contest=" + contest);
        By row = By.xpath("//*[@id='duplicateList:duplicates']//tr[contains(., '抄件" + marker + "') and contains(., '原作" + marker + "')]");
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(row)).getText().contains("75%"),
                browser.findElement(row).getText());
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.xpath("//*[@id='duplicateList:duplicates']//tr[contains(., '抄件" + marker + "') and contains(., '原作"
                    + marker + "')]//button")).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comparison"), "抄件" + marker));
        assertSideBySide(browser.findElement(By.id("comparison")), "抄件" + marker, "原作" + marker);

        // The copy's own page says the same, with a link to the original.
        browser.get(server.baseUrl() + "/organiser/entry.xhtml?contest=" + contest + "&id=" + copy.getJsonNumber("id"));
        WebElement pair = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[@id='duplicates']//section[contains(., '原作" + marker + "')]")));
        assertSideBySide(pair, "抄件" + marker, "原作" + marker);
    }

    /** The similarity, and the first shared passage in two cells of one row: as the copy typed it, as the original wrote it. */
    private static void assertSideBySide(WebElement pair, String hereTitle, String thereTitle) {
        String text = pair.getText();
        assertTrue(text.contains("75%") && text.contains(hereTitle) && text.contains(thereTitle), text);
        List<WebElement> cells = pair.findElements(By.cssSelector("table.shared-passages tbody tr:first-child td"));
        assertEquals(2, cells.size(), text);
        assertTrue(cells.get(0).getText().startsWith("他的办公桌上放着一本翻旧了的笔记本, 记着"), cells.get(0).getText());
        assertTrue(cells.get(1).getText().startsWith("他的办公桌上放着一本翻旧了的笔记本，记着"), cells.get(1).getText());
    }

    static JsonObject submit(Api api, String contest, String title, String body) throws Exception {
        String token = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long category = api.get("/api/v1/contests/" + contest, null, null).json().getJsonArray("categories")
                .getJsonObject(2).getJsonNumber("id").longValue();
        Api.Reply created = api.post("/api/v1/entries", ("{\"contest\":\"" + contest + "\",\"type\":\"STORY\",\"categoryId\":%d,"
                + "\"title\":\"%s\",\"bodyHtml\":%s,\"originalityDeclared\":true,\"displayConsent\":true}")
                .formatted(category, title, jakarta.json.Json.createValue(body)), token, null);
        assertEquals(201, created.status(), created.body());
        Api.Reply submitted = api.post("/api/v1/entries/" + created.json().getJsonNumber("id") + "/submit", "", token, null);
        assertEquals(200, submitted.status(), submitted.body());
        return submitted.json();
    }
}
