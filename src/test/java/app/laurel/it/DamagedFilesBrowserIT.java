package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file damaged before uploads were checked: the organiser opening the entry is warned, the screening list says
 * so, and a judge opening the file reads that it is damaged, not a bare "not found".
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class DamagedFilesBrowserIT {

    @TempDir
    Path dir;

    @Test
    void theOrganiserIsWarnedOfADamagedFileAndTheJudgeIsToldWhyItDoesNotOpen(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        DamagedFilesIT.Judged judged = DamagedFilesIT.damagedFileOnAJudgesCard(api, server, dir, api.token("organiser", "Laurel2026"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        browser.get(server.baseUrl() + "/organiser/entry.xhtml?contest=" + judged.contest() + "&id=" + judged.entry());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entryTitle")));
        String warning = browser.findElement(By.cssSelector(".damaged-file")).getText();
        assertTrue(warning.contains("文件已损坏，评委无法打开") && warning.contains("故事.docx"), warning);
        browser.get(server.baseUrl() + "/organiser/screening.xhtml?contest=" + judged.contest());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list:entries")));
        String card = browser.findElement(By.xpath("//*[@id='list:entries_data']/tr[contains(., '损坏附件的故事')]")).getText();
        assertTrue(card.contains("文件已损坏，评委无法打开"), card);

        browser.manage().deleteAllCookies();
        PageActions.logIn(browser, server, judged.judgeName(), RoundFixture.PASSWORD);
        browser.get(server.baseUrl() + "/media/" + judged.file());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("errorPage")));
        assertEquals("409", browser.findElement(By.id("errorPage")).getAttribute("data-status"));
        assertTrue(browser.findElement(By.id("errorPage")).getText().contains("该作品的文件已损坏，无法打开"),
                browser.findElement(By.id("errorPage")).getText());
    }
}
