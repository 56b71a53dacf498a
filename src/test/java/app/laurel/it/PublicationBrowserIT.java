package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A citizen opens a public notice on a phone without logging in, tries to send a text file as evidence (refused,
 * nothing kept), then files an objection with a photo and gets a receipt number, looks its state up and switches
 * to English; reading the notice gives the phone no session (issue 11), the stateless page's forms still work.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class PublicationBrowserIT {

    @TempDir
    Path dir;

    @Test
    void aCitizenObjectsToAnEntryOnAPublicNoticeFromAPhone(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        String code = RoundFixture.publishedNotice(api, organiser, contest, Duration.ofDays(7),
                "回家的路", "老李的十年", "远方").code();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(server.baseUrl() + "/n/" + code);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("noticeTitle"), "公示"));
        String list = browser.findElement(By.id("noticeList")).getText();
        assertTrue(list.contains("回家的路") && list.contains("老李的十年") && !list.contains("远方"), list);
        assertTrue(browser.findElement(By.cssSelector("img.qr")).getAttribute("src").endsWith("/qr/notice/" + code + ".png"));
        assertNull(browser.manage().getCookieNamed("JSESSIONID"), "reading a notice keeps no session on the server");
        int filesBefore = storedFiles(server);

        new Select(browser.findElement(By.id("objection:entry"))).selectByValue("R1-002");
        browser.findElement(By.id("objection:realName")).sendKeys("张建国");
        browser.findElement(By.id("objection:phone")).sendKeys("13900003333");
        browser.findElement(By.id("objection:reasons")).sendKeys("该作品所述事件与事实不符，当事人另有其人。");
        // A Word file is a type the portal stores for entries, but not evidence: it is stored, checked, refused and
        // removed again, so nothing of it may remain, on disk or in the database.
        int rowsBefore = storedFileRows(server);
        browser.findElement(By.id("objection:evidence")).sendKeys(TestFiles.docx(dir, "一份说明").toString());
        browser.findElement(By.id("objection:fileObjection")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("objectionSection"), "wordprocessingml"));
        assertEquals(filesBefore, storedFiles(server), "the refused file left nothing behind on disk");
        assertEquals(rowsBefore, storedFileRows(server), "nor in the database");
        assertEquals(0, objections(server, "13900003333"));

        browser.findElement(By.id("objection:evidence")).sendKeys(TestFiles.png(dir, 60, 40).toString());
        browser.findElement(By.id("objection:fileObjection")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("objectionReceipt")));
        String receipt = browser.findElement(By.id("objectionReceipt")).getText();
        assertTrue(receipt.matches(".*YY\\d{8}-[0-9A-Z]{6}.*"), receipt);
        assertEquals(1, objections(server, "13900003333"));
        assertEquals(filesBefore + 1, storedFiles(server), "the photo is kept as evidence");
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement("""
                select a.username from objection o join objection_file f on f.objection_id = o.id
                join stored_file s on s.id = f.file_id join account a on a.id = s.owner_id where o.phone = ?""")) {
            q.setString(1, "13900003333");
            try (ResultSet rows = q.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("public-objections", rows.getString(1), "evidence without an account belongs to the system account");
            }
        }

        // The look-up posts by AJAX from the same stateless page; the language switch on the notice reloads it.
        String receiptNo = browser.findElement(By.cssSelector("#objectionReceipt strong")).getText();
        browser.findElement(By.id("lookUp:receipt")).sendKeys(receiptNo);
        browser.findElement(By.id("lookUp:phone")).sendKeys("13900003333");
        browser.findElement(By.id("lookUp:find")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lookUp"), "已受理，处理中"));
        browser.get(server.baseUrl() + "/n/" + code);
        PageActions.menu(browser, "lang:switch");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("objectionSection"), "Object"));
        assertTrue(browser.getCurrentUrl().endsWith("/n/" + code), browser.getCurrentUrl());
    }

    static int storedFiles(TestServer server) throws Exception {
        Path stored = server.storageDir().resolve("files");
        if (!Files.isDirectory(stored)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(stored)) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    static int storedFileRows(TestServer server) throws Exception {
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement("select count(*) from stored_file");
             ResultSet rows = q.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int objections(TestServer server, String phone) throws Exception {
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement("select count(*) from objection where phone = ?")) {
            q.setString(1, phone);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
