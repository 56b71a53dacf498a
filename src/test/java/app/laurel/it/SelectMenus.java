package app.laurel.it;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Picks an option of a PrimeFaces select menu as a person does: open it, tap the item, see it chosen. A tap that
 * lands while the panel is still sliding open is lost (the item is highlighted, nothing is chosen), and a person taps
 * again; so does this, until the menu shows the label or the wait runs out.
 */
final class SelectMenus {

    private SelectMenus() {
    }

    static void choose(WebDriver browser, String menuId, String label) {
        // A wait of its own: the ignored exceptions must not leak into the caller's waits.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(300));
        By item = By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']");
        wait.ignoring(ElementNotInteractableException.class).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    if (!d.findElement(By.id(menuId + "_panel")).isDisplayed()) {
                        d.findElement(By.id(menuId)).click();
                    }
                    d.findElement(item).click();
                    return d.findElement(By.id(menuId + "_label")).getText().equals(label);
                });
        assertEquals(label, browser.findElement(By.id(menuId + "_label")).getText(), "chosen in " + menuId);
    }
}
