package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person sees when a page's action fails and no backing bean caught it: a service's refusal in their
 * language (beside the field it concerns), and for a failure nobody foresaw, a general message on the page after
 * an AJAX post, or the 500 page after a full-page post, never nothing. The unforeseen failure is real: the database
 * refuses the account's row (a trigger, as a DBA's rule would), which no service turns into a refusal.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class PageFailuresBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PASSWORD = "Harvest2026moon";

    @Test
    void anAjaxActionShowsTheServicesRefusalAndAGeneralMessageForAnUnforeseenFailure(TestServer server, WebDriver browser)
            throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        browser.get(server.baseUrl() + "/organiser/accounts.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create:username")));
        // A wait that runs out says what the form showed, field by field: the refusals are the evidence.
        wait.withMessage(() -> "the form showed: " + browser.findElement(By.id("create")).getText());

        fillAccount(browser, "citizen");
        browser.findElement(By.id("create:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "提交的内容有误"));
        WebElement usernameField = browser.findElement(By.xpath("//input[@id='create:username']/ancestor::div[contains(@class,'field')]"));
        assertTrue(usernameField.getText().contains("该用户名已被使用"), "the refusal stands beside its field: " + usernameField.getText());

        String refused = Api.uniqueName("dbno");
        Path log = Path.of(System.getProperty("laurel.test.work", "target/it-server"), "payara.log");
        long before = Files.size(log);
        try (DatabaseRefusal ignored = new DatabaseRefusal(server, refused)) {
            fillAccount(browser, refused);
            browser.findElement(By.id("create:submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "操作没有完成"));
        }
        assertFalse(browser.findElement(By.id("messages")).getText().contains("提交的内容有误"),
                "the earlier refusal is gone: the page answered this request");
        assertEquals(0, server.countAccounts(refused), "nothing was created");
        String written = "";
        for (int i = 0; i < 50 && !written.contains("Unexpected failure of an AJAX request"); i++) {
            Thread.sleep(100);
            byte[] all = Files.readAllBytes(log);
            written = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
        }
        assertEquals(1, written.split("Unexpected failure of an AJAX request", -1).length - 1, "logged once: " + written);
        assertTrue(written.contains(DatabaseRefusal.TEXT), "with what failed, from the stack trace: " + written);
    }

    @Test
    void aFullPagePostThatFailsUnforeseenShowsThe500Page(TestServer server, WebDriver browser) throws Exception {
        String refused = Api.uniqueName("dbno");
        browser.get(server.baseUrl() + "/register.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register:username")));
        try (DatabaseRefusal ignored = new DatabaseRefusal(server, refused)) {
            browser.findElement(By.id("register:username")).sendKeys(refused);
            browser.findElement(By.id("register:displayName")).sendKeys("钱七");
            browser.findElement(By.id("register:phone")).sendKeys("13900003333");
            browser.findElement(By.id("register:password")).sendKeys(PASSWORD);
            browser.findElement(By.id("register:passwordConfirmation")).sendKeys(PASSWORD);
            browser.findElement(By.id("register:submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("errorPage")));
        }
        assertEquals("500", browser.findElement(By.id("errorPage")).getAttribute("data-status"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("系统出错了"));
        assertEquals(0, server.countAccounts(refused), "nothing was created");
    }

    private static void fillAccount(WebDriver browser, String username) {
        type(browser, "create:username", username);
        type(browser, "create:displayName", "井头镇联络员");
        PageActions.pickSuggestion(browser, "create:unitName", "井头镇（示例）");
        type(browser, "create:initialPassword", PASSWORD);
    }

    private static void type(WebDriver browser, String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** A trigger that makes the database refuse one username's account row, dropped again when the test is done. */
    private static final class DatabaseRefusal implements AutoCloseable {

        static final String TEXT = "refused by the database for this test";
        private final TestServer server;
        private final String name;

        DatabaseRefusal(TestServer server, String username) throws Exception {
            this.server = server;
            this.name = "refuse_" + username;
            try (Connection db = server.connect(); Statement sql = db.createStatement()) {
                sql.execute("create trigger " + name + " before insert on account for each row if new.username = '"
                        + username + "' then signal sqlstate '45000' set message_text = '" + TEXT + "'; end if");
            }
        }

        @Override
        public void close() throws Exception {
            try (Connection db = server.connect(); Statement sql = db.createStatement()) {
                sql.execute("drop trigger if exists " + name);
            }
        }
    }
}
