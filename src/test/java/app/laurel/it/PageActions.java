package app.laurel.it;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** What browser tests do again and again, done the way a person does it. */
final class PageActions {

    private PageActions() {
    }

    /**
     * Every cookie the browser holds for the portal, as a Cookie header: the session's id and, since sessions are
     * distributable (issue 16), its version JSESSIONIDVERSION, without which Payara takes its own copy of the
     * session for stale and the request arrives logged out.
     */
    static String cookieHeader(WebDriver browser) {
        return browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** Logs in on the login page and waits until the page shows the visitor as logged in. */
    static void logIn(WebDriver browser, TestServer server, String username, String password) {
        logIn(browser, server.baseUrl(), username, password);
    }

    /** The same on the portal at {@code baseUrl} (a cluster's load balancer, say). */
    static void logIn(WebDriver browser, String baseUrl, String username, String password) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(baseUrl + "/login.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username"))).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("navAccount")));
    }

    /**
     * Follows a header link the way a person on a phone does: opens the menu first when the link is folded away
     * behind it (below 768 px), then taps the link.
     */
    static void menu(WebDriver browser, String linkId) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        org.openqa.selenium.WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(linkId)));
        if (!link.isDisplayed()) {
            browser.findElement(By.id("navMenu")).click();
        }
        wait.until(ExpectedConditions.elementToBeClickable(link)).click();
    }

    /**
     * Fills a PrimeFaces autocomplete as a person does: types the text, then picks the suggestion it brings up and
     * sees the panel close. Typing and moving on would leave the suggestion query pending, to open its panel over
     * the form at a moment of its own.
     */
    static void pickSuggestion(WebDriver browser, String autoCompleteId, String label) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        org.openqa.selenium.WebElement input = browser.findElement(By.id(autoCompleteId + "_input"));
        input.clear();
        input.sendKeys(label);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "[id='" + autoCompleteId + "_panel'] li[data-item-label='" + label + "']"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(autoCompleteId + "_panel")));
        if (!label.equals(input.getAttribute("value"))) {
            throw new AssertionError("picked in " + autoCompleteId + ": " + label + ", shown: " + input.getAttribute("value"));
        }
    }
}
