package app.laurel.it;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * What every usability journey checks on each page a person reaches (issue 13): the page fits the device's width,
 * no message key shows untranslated, axe-core finds no serious or critical accessibility violation, and a screenshot
 * is kept under {@code target/journeys/} so that a person can look at the journey afterwards.
 *
 * <p>The devices are the ones people really use: a 390-px phone (citizen, clerk, judge, school, public) and a
 * 1366 × 768 laptop (organiser, office).
 */
final class Journey {

    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension LAPTOP = new Dimension(1366, 768);

    private static final Path OUT = Path.of(System.getProperty("laurel.test.journeys", "target/journeys"));
    private static volatile String axeSource;

    private Journey() {
    }

    static void phone(WebDriver browser) {
        browser.manage().window().setSize(PHONE);
    }

    static void laptop(WebDriver browser) {
        browser.manage().window().setSize(LAPTOP);
    }

    /**
     * Saves the screenshot {@code name}.png and fails if the page overflows sideways, shows a raw key or has a
     * serious accessibility violation. Call it on each key page of a journey, after the page has settled.
     */
    static void check(WebDriver browser, String name) {
        shot(browser, name);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Object overflow = js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (((Number) overflow).intValue() > 0) {
            throw new AssertionError(name + ": the page is " + overflow + " px wider than the screen");
        }
        String text = (String) js.executeScript("return document.body.innerText;");
        if (text.contains("???")) {
            throw new AssertionError(name + ": an untranslated message key is shown: " + text);
        }
        List<String> violations = axe(browser);
        if (!violations.isEmpty()) {
            throw new AssertionError(name + ": axe-core found serious accessibility violations:\n"
                    + String.join("\n", violations));
        }
    }

    static void shot(WebDriver browser, String name) {
        try {
            Files.createDirectories(OUT);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, OUT.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's serious and critical violations on the current page, one line each (rule, impact, elements). */
    @SuppressWarnings("unchecked")
    static List<String> axe(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // Injected as a script argument evaluated by the page itself would need 'unsafe-eval' under the
        // Content-Security-Policy; the WebDriver protocol runs it outside the page's policy.
        js.executeScript(axeSource() + "\n;window.__laurelAxe = axe;");
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                window.__laurelAxe.run(document, {resultTypes: ['violations']}).then(function (r) {
                    done(r.violations.filter(function (v) {
                        return v.impact === 'serious' || v.impact === 'critical';
                    }).map(function (v) {
                        return v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 5).map(function (n) {
                            return n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']' : '');
                        }).join('; ');
                    }));
                }, function (e) { done(['axe failed: ' + e]); });
                """);
        return (List<String>) result;
    }

    private static String axeSource() {
        if (axeSource == null) {
            try (InputStream in = Journey.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }
}
