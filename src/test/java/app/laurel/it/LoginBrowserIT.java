package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging in on the pages while someone guesses the password elsewhere, and a password change ending the other
 * sessions of the account (issue 11, items 7 and 8). Also runs the login and account pages under the
 * Content-Security-Policy ({@link BrowserExtension} fails a test whose page broke it).
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class LoginBrowserIT {

    private static final String PASSWORD = "Harvest2026moon";

    @Test
    void theOwnersBrowserStillLogsInAfterAnAttackersTenWrongPasswords(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String citizen = api.registerCitizen(PASSWORD);
        PageActions.logIn(browser, server, citizen, PASSWORD);
        Cookie device = browser.manage().getCookieNamed("laurel_device");
        assertNotNull(device, "a successful login leaves the device cookie");
        assertEquals("Strict", device.getSameSite());
        browser.manage().deleteCookieNamed("JSESSIONID");

        Api attacker = api.from("10.250.7.66");
        for (int i = 1; i <= 10; i++) {
            attacker.post("/api/v1/tokens", "{\"username\":\"" + citizen + "\",\"password\":\"guess-" + i + "\"}", null, null);
        }
        assertEquals(429, attacker.post("/api/v1/tokens",
                "{\"username\":\"" + citizen + "\",\"password\":\"" + PASSWORD + "\"}", null, null).status());

        PageActions.logIn(browser, server, citizen, PASSWORD);
        assertFalse(browser.findElements(By.id("navAccount")).isEmpty(), "logged in with the right password");
    }

    @Test
    void aPasswordChangedElsewhereEndsThisSessionButNotTheOneThatChangedIt(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String citizen = api.registerCitizen(PASSWORD);
        PageActions.logIn(browser, server, citizen, PASSWORD);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        // This browser changes the password on the page and stays logged in.
        browser.get(server.baseUrl() + "/account/index.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password:currentPassword")));
        browser.findElement(By.id("password:currentPassword")).sendKeys(PASSWORD);
        browser.findElement(By.id("password:newPassword")).sendKeys("Winter2026snow");
        browser.findElement(By.id("password:newPasswordConfirmation"))
                .sendKeys("Winter2026snow");
        browser.findElement(By.id("password:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "密码已修改"));
        browser.get(server.baseUrl() + "/account/index.xhtml");
        assertEquals(citizen, wait.until(ExpectedConditions.presenceOfElementLocated(By.id("meUsername"))).getText());

        // Someone with the new password changes it again through the API: this browser's session ends.
        String token = api.from("10.250.8.1").token(citizen, "Winter2026snow");
        assertEquals(204, api.from("10.250.8.1").post("/api/v1/me/password",
                "{\"currentPassword\":\"Winter2026snow\",\"newPassword\":\"Autumn2026leaf\"}", token, null).status());
        browser.get(server.baseUrl() + "/account/index.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        assertEquals(0, browser.findElements(By.id("navAccount")).size(), "logged out");
    }
}
