package app.laurel.it;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A fresh headless Chromium per test (Debian's chromium and chromedriver; nothing is downloaded), sized like a
 * 375-px phone. When a test fails, its screenshot and page HTML are left in {@code target/browser-failures/}.
 * A test whose pages broke the Content-Security-Policy (the browser's console reports what it refused) fails,
 * even if what it checked still worked: every browser test guards the policy on the pages it visits.
 */
public class BrowserExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The first WebDriver of a method is the test's browser (shared with @BeforeEach); a second one is a second
        // browser, so that a test can play two people at once, each in their own session.
        int ordinal = (int) java.util.Arrays.stream(parameter.getDeclaringExecutable().getParameters())
                .limit(parameter.getIndex()).filter(p -> p.getType() == WebDriver.class).count();
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(key(ordinal), key -> start(), WebDriver.class);
    }

    private static String key(int ordinal) {
        return ordinal == 0 ? "driver" : "driver" + ordinal;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int index = 0; index <= context.getRequiredTestMethod().getParameterCount(); index++) {
            WebDriver driver = context.getStore(NAMESPACE).remove(key(index), WebDriver.class);
            if (driver != null) {
                finish(context, driver, index);
            }
        }
    }

    private static void finish(ExtensionContext context, WebDriver driver, int index) throws Exception {
        List<String> refused;
        try {
            refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage)
                    .filter(message -> message.contains("Content Security Policy"))
                    .toList();
        } catch (RuntimeException e) {
            refused = List.of("could not read the browser's console: " + e);
        }
        try {
            if (context.getExecutionException().isPresent() || !refused.isEmpty()) {
                Path out = Path.of(System.getProperty("laurel.test.out", "target/browser-failures"));
                Files.createDirectories(out);
                String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                        + (index == 0 ? "" : "-" + index);
                File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), out.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(out.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            }
        } finally {
            driver.quit();
        }
        if (!refused.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError("The page broke its Content-Security-Policy:\n" + String.join("\n", refused));
        }
    }

    private static WebDriver start() {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY,
                System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("laurel.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=en-US", "--window-size=375,812");
        // The browser asks for English first: Laurel must still speak Chinese until the visitor switches.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriver driver = new ChromeDriver(options);
        driver.manage().window().setSize(new Dimension(375, 812));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
