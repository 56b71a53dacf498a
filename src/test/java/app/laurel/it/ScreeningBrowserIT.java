package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organiser finds an entry, returns it with a reason, and compares two near-duplicates side by side. */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class ScreeningBrowserIT {

    private static final String PASSWORD = "Screen2026page";

    @Test
    void organiserReturnsAnEntryWithAReasonAndComparesADuplicatePair(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String marker = Api.uniqueName("m");
        String story = "<p>" + ("社区戒毒康复人员老陈在禁毒社工的帮助下，" + marker + "重新找到了工作，还成了小区的禁毒宣传员。"
                + "他每周都去社区康复站报到，从未缺席。女儿考上大学那天，他第一个打电话告诉了禁毒社工。").repeat(4) + "</p>";
        JsonObject original = submit(api, "原作" + marker, story);
        submit(api, "抄件" + marker, story.replace("重新找到了工作", "重新找到了一份工作"));

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        PageActions.logIn(browser, server, "organiser", "Laurel2026");

        browser.get(server.baseUrl() + "/organiser/screening.xhtml?contest=HY2021");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filter:text"))).sendKeys("原作" + marker);
        browser.findElement(By.id("filter:search")).click();
        By screen = By.xpath("//*[@id='list:entries']//article[contains(., '" + original.getString("receiptNo") + "')]//a");
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

        String screened = api.get("/api/v1/screening/HY2021/entries?q=" + "原作" + marker, api.token("organiser", "Laurel2026"), null).body();
        assertTrue(screened.contains("\"status\":\"RETURNED\"") && screened.contains("请补充老陈所在的社区名称"), screened);

        browser.get(server.baseUrl() + "/organiser/screening.xhtml?contest=HY2021");
        By compare = By.xpath("//*[@id='duplicateList:duplicates']//tr[contains(., '抄件" + marker + "')]//button");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(compare).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comparison"), "抄件" + marker));
        String sideBySide = browser.findElement(By.id("comparison")).getText();
        assertTrue(sideBySide.contains("原作" + marker) && sideBySide.contains("重新找到了一份工作"), sideBySide);
    }

    private static JsonObject submit(Api api, String title, String body) throws Exception {
        String token = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long category = api.get("/api/v1/contests/HY2021", null, null).json().getJsonArray("categories")
                .getJsonObject(2).getJsonNumber("id").longValue();
        Api.Reply created = api.post("/api/v1/entries", ("{\"contest\":\"HY2021\",\"type\":\"STORY\",\"categoryId\":%d,"
                + "\"title\":\"%s\",\"bodyHtml\":%s,\"originalityDeclared\":true,\"displayConsent\":true}")
                .formatted(category, title, jakarta.json.Json.createValue(body)), token, null);
        assertEquals(201, created.status(), created.body());
        Api.Reply submitted = api.post("/api/v1/entries/" + created.json().getJsonNumber("id") + "/submit", "", token, null);
        assertEquals(200, submitted.status(), submitted.body());
        return submitted.json();
    }
}
