package app.laurel.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a person does in a real browser: register, log in, switch language, meet refusals. */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class IdentityBrowserIT {

    private static final String PASSWORD = "Harvest2026moon";

    private TestServer server;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open(TestServer server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void citizenRegistersLogsInSwitchesLanguageAndLogsOut() throws Exception {
        browser.get(server.baseUrl() + "/");
        assertEquals("讲好身边的故事，评出最美的作品", text("heroTitle"),
                "Chinese by default even though the browser asks for English");
        assertTrue(chineseGlyphsRender(), "Chinese characters are drawn with a real font, not as empty boxes");
        assertTrue(fitsThePhone(), "the home page does not scroll sideways at 375 px");
        assertTrue(browser.getPageSource().contains("讲述身边的禁毒故事"), "the demo contest is listed");

        PageActions.menu(browser, "navRegister");
        String username = Api.uniqueName("web");
        type("register:username", username);
        type("register:displayName", "王小明");
        type("register:phone", "13900001111");
        type("register:password", PASSWORD);
        type("register:passwordConfirmation", PASSWORD);
        browser.findElement(By.id("register:submit")).click();

        // Registering logs the citizen in; with nowhere they were going, they land on the home page.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("navAccount")));
        assertTrue(browser.getPageSource().contains("注册成功，已为您登录。"));
        assertTrue(browser.findElement(By.tagName("footer")).getText().contains(username));

        PageActions.menu(browser, "navAccount");
        wait.until(ExpectedConditions.textToBe(By.id("meUsername"), username));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("我的账号"));

        PageActions.menu(browser, "lang:switch");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "My account"));
        assertEquals("Log out", browser.findElement(By.id("logout:submit")).getText());
        browser.get(server.baseUrl() + "/");
        assertEquals("Tell the stories around you; find the finest", text("heroTitle"), "the choice sticks across pages");
        browser.get(server.baseUrl() + "/no-such-page.xhtml");
        assertEquals("Page not found", browser.findElement(By.tagName("h1")).getText(), "error pages speak English too");
        browser.get(server.baseUrl() + "/");

        PageActions.menu(browser, "lang:switch");
        wait.until(ExpectedConditions.textToBe(By.id("heroTitle"), "讲好身边的故事，评出最美的作品"));

        PageActions.menu(browser, "navAccount");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout:submit"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("navLogin")));
        browser.get(server.baseUrl() + "/account/index.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    @Test
    void badRegistrationShowsEachProblemBesideItsFieldAndCreatesNothing() throws Exception {
        browser.get(server.baseUrl() + "/register.xhtml");
        String username = Api.uniqueName("bad");
        type("register:username", "citizen");
        type("register:displayName", "");
        type("register:phone", "1234");
        type("register:password", "abcdefgh");
        type("register:passwordConfirmation", "abcdefgx");
        browser.findElement(By.id("register:submit")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register"), "此项为必填项"));
        String form = browser.findElement(By.id("register")).getText();
        assertTrue(form.contains("此项为必填项"), form);
        assertTrue(form.contains("请输入 11 位中国大陆手机号码"), form);
        assertTrue(form.contains("密码须同时包含字母和数字"), form);
        assertTrue(form.contains("两次输入的密码不一致"), form);

        type("register:username", username);
        type("register:displayName", "赵六");
        type("register:phone", "13900002222");
        type("register:password", "abcdefgh");
        type("register:passwordConfirmation", "abcdefgh");
        browser.findElement(By.id("register:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register"), "密码须同时包含字母和数字"));
        assertEquals(0, server.countAccounts(username), "nothing was created");
    }

    @Test
    void protectedPagesSendToLoginAndBackAndRefuseTheWrongRole() throws Exception {
        browser.get(server.baseUrl() + "/account/index.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        logIn("citizen", "wrong-password-1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "用户名或密码不正确"));

        logIn("citizen", "Laurel2026");
        wait.until(ExpectedConditions.textToBe(By.id("meUsername"), "citizen"));

        browser.get(server.baseUrl() + "/organiser/accounts.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("errorPage")));
        assertEquals("403", browser.findElement(By.id("errorPage")).getAttribute("data-status"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("无权访问"));
    }

    @Test
    void organiserCreatesAUnitAccountOnThePage() throws Exception {
        browser.get(server.baseUrl() + "/login.xhtml");
        logIn("organiser", "Laurel2026");
        PageActions.menu(browser, "navAccounts");
        String username = Api.uniqueName("unit");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create:username")));
        type("create:username", username);
        type("create:displayName", "井头镇联络员");
        PageActions.pickSuggestion(browser, "create:unitName", "井头镇（示例）");
        type("create:initialPassword", PASSWORD);
        browser.findElement(By.id("create:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已创建"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list"), username));

        try (Connection db = server.connect();
             PreparedStatement query = db.prepareStatement("""
                     select u.name, r.role from account a join unit u on u.id = a.unit_id
                     join account_role r on r.account_id = a.id where a.username = ?""")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals("井头镇（示例）", row.getString(1));
                assertEquals("UNIT_ADMIN", row.getString(2));
            }
        }
    }

    private void logIn(String username, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        type("login:username", username);
        type("login:password", password);
        browser.findElement(By.id("login:submit")).click();
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        if (!value.isEmpty()) {
            input.sendKeys(value);
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Two different characters drawn on a canvas look the same only if both fell back to the same empty box. */
    private boolean chineseGlyphsRender() {
        Object differ = ((JavascriptExecutor) browser).executeScript("""
                const draw = ch => { const c = document.createElement('canvas'); c.width = 48; c.height = 48;
                  const g = c.getContext('2d'); g.font = '36px ' + getComputedStyle(document.body).fontFamily;
                  g.fillStyle = '#000'; g.fillText(ch, 4, 40); return c.toDataURL(); };
                return draw('禁') !== draw('毒') && draw('禁') !== draw('\\u{E000}');""");
        return Boolean.TRUE.equals(differ);
    }

    private boolean fitsThePhone() {
        Object width = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        return ((Number) width).intValue() <= 375;
    }

}
