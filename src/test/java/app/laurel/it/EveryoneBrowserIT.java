package app.laurel.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theHeaderIsOneRowOnAPhone() {
        browser.get(server.baseUrl() + "/");
        Number height = (Number) ((JavascriptExecutor) browser)
                .executeScript("return document.querySelector('.site-header').getBoundingClientRect().height;");
        assertTrue(height.doubleValue() <= 64, "the header is one row of 44-px targets, not " + height + " px");
        assertTrue(browser.findElement(By.id("navMenu")).isDisplayed(), "the other links sit behind one menu button");
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
