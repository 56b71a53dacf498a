package app.laurel.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every person meets on every page (issue 13, "Everyone"): tap targets, one header row, contrast, favicon. */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class EveryoneBrowserIT {

    private TestServer server;
    private WebDriver browser;

    @BeforeEach
    void open(TestServer server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
        Journey.phone(browser);
    }

    @Test
    void publicPagesOnAPhoneHaveLargeTapTargetsAndPassAxe() {
        for (String page : List.of("/", "/login.xhtml", "/register.xhtml", "/verify.xhtml", "/column/")) {
            browser.get(server.baseUrl() + page);
            Journey.check(browser, "everyone" + page.replaceAll("[^a-z]+", "-"));
            @SuppressWarnings("unchecked")
            List<String> small = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                    return Array.from(document.querySelectorAll('header a, header button, main a.button-link, main button'))
                        .filter(function (e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height < 44; })
                        .map(function (e) { return (e.id || e.textContent.trim()) + ' ' + Math.round(e.getBoundingClientRect().height) + 'px'; });
                    """);
            assertEquals(List.of(), small, page + ": every tap target in the header and every button is at least 44 px tall");
        }
    }

    @Test
    void aRefusalAtTheTopOfThePageIsReadableAndPassesAxe() {
        browser.get(server.baseUrl() + "/login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys(Api.uniqueName("nobody"));
        browser.findElement(By.id("login:password")).sendKeys("not-the-password");
        browser.findElement(By.id("login:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                !driver.findElement(By.id("messages")).getText().isBlank());
        assertEquals(1, browser.findElements(By.cssSelector("#messages .page-message.severity-2")).size(),
                "one refusal, shown as an error");
        Journey.check(browser, "everyone-login-refused");
    }

    @Test
    void theHeaderIsOneRowOnAPhone() {
        browser.get(server.baseUrl() + "/");
        Number height = (Number) ((JavascriptExecutor) browser)
                .executeScript("return document.querySelector('.site-header').getBoundingClientRect().height;");
        assertTrue(height.doubleValue() <= 64, "the header is one row of 44-px targets, not " + height + " px");
        assertTrue(browser.findElement(By.id("navMenu")).isDisplayed(), "the other links sit behind one menu button");

        browser.findElement(By.id("navMenu")).click();
        @SuppressWarnings("unchecked")
        List<Number> heights = (List<Number>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#siteNav a')).map(function (a) { return a.getBoundingClientRect().height; });");
        assertFalse(heights.isEmpty(), "the menu opens");
        assertTrue(heights.stream().allMatch(h -> h.doubleValue() >= 44), "each menu link is a 44-px row: " + heights);
        PageActions.menu(browser, "navLogin");
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), "a tap on a menu link follows it");
    }

    @Test
    void theAccessibilityCheckSeesWhatAPersonWouldMiss() {
        // The check that guards every journey must be able to fail: a page with grey-on-white text, an input without
        // a label and an image without alternative text.
        browser.get("data:text/html;charset=utf-8,<html lang=zh-CN><title>t</title><main><p style='color:%23bbb'>淡灰色的字</p>"
                + "<input type=text><img src='x.png'></main></html>");
        List<String> violations = Journey.axe(browser);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("color-contrast")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("label")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("image-alt")), violations.toString());
    }

    @Test
    void switchingLanguageKeepsThePageAndItsParameters() {
        browser.get(server.baseUrl() + "/contest.xhtml?code=HY2021");
        PageActions.menu(browser, "lang:switch");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> "en".equals(
                driver.findElement(By.tagName("html")).getAttribute("lang")));
        assertTrue(browser.getCurrentUrl().endsWith("/contest.xhtml?code=HY2021"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("讲述身边的禁毒故事"), "the same contest, not a 404");
        assertTrue(browser.findElement(By.id("navMenu")).getText().contains("Menu"));
        PageActions.menu(browser, "lang:switch");
    }

    @Test
    void theSiteHasAFavicon() throws Exception {
        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, icon.statusCode(), "/favicon.ico, which every browser asks for");
        assertTrue(icon.body().length > 100);
    }
}
