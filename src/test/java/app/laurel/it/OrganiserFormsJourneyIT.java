package app.laurel.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.text.Collator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, the organiser on a laptop (1366 × 768) through the forms that had traps: sets up a round picking the
 * primary criterion from the rubric's own list, finds the judges in name order, types 评选数量 102 for three entries
 * and reads the refusal beside the field, fixes it; saves a seal without transparency and reads, beside it, that it
 * will cover the issuer, with the certificate's preview; revokes a certificate by picking it from the list, backing
 * out of the in-page confirmation once (nothing changes) before confirming; reads an entry's files by role, name
 * and size.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class OrganiserFormsJourneyIT {

    private static final String PASSWORD = RoundFixture.PASSWORD;

    @TempDir
    Path dir;

    @Test
    void anOrganiserGetsThroughTheFormsWithoutFallingIntoTheirTraps(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "表单的陷阱");
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long photo = api.upload(TestFiles.png(dir, 40, 30), "禁毒宣传照.png", citizen).json().getJsonObject("file")
                .getJsonNumber("id").longValue();
        long withPhoto = RoundFixture.entry(api, citizen, contest.code(), contest.category(), "带照片的故事", null, photo);
        RoundFixture.accept(api, organiser, contest.code(), withPhoto);
        RoundFixture.acceptedEntry(api, organiser, contest, "第二个故事");
        RoundFixture.acceptedEntry(api, organiser, contest, "第三个故事");
        String zhao = judge(api, organiser, "赵评委");
        String chen = judge(api, organiser, "陈评委");
        RoundFixture.ContestRef awarded = RoundFixture.contest(api, organiser, "已颁证的活动");
        RoundFixture.acceptedEntry(api, organiser, awarded, "撤销的故事");
        RoundFixture.acceptedEntry(api, organiser, awarded, "保留的故事");
        String serial = UnitCertificatesIT.certificateOf(server, api, organiser, awarded.code(), "撤销的故事");

        Journey.laptop(browser);
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        // The round: the primary criterion from the rubric's list, the judges in name order, 评选数量 checked.
        browser.get(server.baseUrl() + "/organiser/rounds.xhtml?contest=" + contest.code());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("newRound:name"))).sendKeys("初评");
        List<String> offered = browser.findElements(By.cssSelector("#newRound\\:primary_input option")).stream()
                .map(o -> o.getAttribute("textContent").strip()).toList();
        assertEquals(List.of("（请选择）", "思想性", "真实性", "感染力", "表现力"), offered, "the primary criterion is one of the rubric's");
        browser.findElement(By.id("newRound:primary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#newRound\\:primary_items li[data-label='真实性']"))).click();
        List<String> judges = browser.findElements(By.cssSelector("#newRound\\:judges label")).stream()
                .map(WebElement::getText).toList();
        assertEquals(sortedByName(judges), judges, "the judges are listed by name, then username");
        assertTrue(indexOf(judges, chen) < indexOf(judges, zhao), "陈 (chen) before 赵 (zhao): " + judges);
        assertTrue(judges.get(indexOf(judges, chen)).startsWith("陈评委 (" + chen + ")"), "name and username: " + judges);
        WebElement select = browser.findElement(By.id("newRound:selectCount_input"));
        select.sendKeys(Keys.chord(Keys.CONTROL, "a"), "102", Keys.TAB);
        browser.findElement(By.xpath("//label[contains(., '" + chen + "')]")).click();
        browser.findElement(By.xpath("//label[contains(., '" + zhao + "')]")).click();
        Journey.check(browser, "organiser-forms-round-setup");
        browser.findElement(By.id("newRound:create")).click();

        WebElement beside = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//input[@id='newRound:selectCount_input']/ancestor::div[contains(@class,'field')][1]//*[contains(@class,'ui-message-error')]")));
        assertTrue(beside.getText().contains("评选数量应在 1～3 件之间：本轮参评作品共 3 件"), beside.getText());
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", beside);
        assertEquals(0, api.get("/api/v1/rounds?contest=" + contest.code(), organiser, null).structure().asJsonArray().size(),
                "nothing was created");
        Journey.check(browser, "organiser-forms-round-refused");
        select = browser.findElement(By.id("newRound:selectCount_input"));
        select.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2", Keys.TAB);
        browser.findElement(By.id("newRound:create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roundStatus"), "准备中"));
        assertTrue(browser.findElement(By.cssSelector(".facts")).getText().contains("评选 2 件"));
        assertTrue(browser.findElement(By.cssSelector(".facts")).getText().contains("真实性 30（主要）"),
                browser.findElement(By.cssSelector(".facts")).getText());
        JsonObject round = api.get("/api/v1/rounds?contest=" + contest.code(), organiser, null).structure().asJsonArray()
                .getJsonObject(0);
        assertEquals(2, round.getInt("selectCount"));
        assertEquals("真实性", round.getJsonArray("criteria").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getBoolean("primary")).findFirst().orElseThrow().getString("name"));

        // The seal: one without transparency is saved, with a plain warning beside it and the certificate's preview.
        browser.get(server.baseUrl() + "/organiser/certificates.xhtml?contest=" + awarded.code());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template:seal")))
                .sendKeys(TestFiles.png(dir, 160, 160).toAbsolutePath().toString());
        browser.findElement(By.id("template:save")).click();
        WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("template:sealWarning")));
        assertTrue(warning.getText().contains("背景不透明") && warning.getText().contains("盖住颁发单位"), warning.getText());
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});", warning);
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('certificatePreview'); return i.complete && i.naturalWidth > 600;"));
        Journey.check(browser, "organiser-forms-seal-warning");

        // Revoking: picked from the list; backing out of the confirmation changes nothing, confirming revokes.
        By row = By.xpath("//tbody[@id='issue:certificates_data']/tr[contains(., '" + serial + "')]");
        wait.until(ExpectedConditions.elementToBeClickable(browser.findElement(row).findElement(By.cssSelector(".revoke-pick")))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("revokeWhat"), serial));
        assertTrue(browser.findElement(By.id("revokeWhat")).getText().contains("《撤销的故事》"));
        browser.findElement(By.id("issue:reason")).sendKeys("获奖者本人申请撤回作品");
        browser.findElement(By.id("issue:revoke")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-no"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-no")));
        assertEquals("有效", browser.findElement(row).findElement(By.cssSelector(".certificate-status")).getText());
        assertEquals("VALID", api.get("/api/v1/certificates/verify/" + serial, null, null).json().getString("status"));
        browser.findElement(By.id("issue:revoke")).click();
        String asked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes")))
                .findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' ui-dialog ')][1]")).getText();
        assertTrue(asked.contains(serial) && asked.contains("不能恢复"), "the dialog names the certificate: " + asked);
        Journey.check(browser, "organiser-forms-revoke-confirm");
        browser.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "证书已撤销"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "已撤销"));
        assertTrue(browser.findElement(row).findElements(By.cssSelector(".revoke-pick")).isEmpty(), "no 撤销 on a revoked one");
        assertEquals("REVOKED", api.get("/api/v1/certificates/verify/" + serial, null, null).json().getString("status"));
        Journey.check(browser, "organiser-forms-revoked");

        // An entry's files by what they are, their own name and a size a person reads.
        browser.get(server.baseUrl() + "/organiser/entry.xhtml?contest=" + contest.code() + "&id=" + withPhoto);
        String caption = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".entry-file figcaption"))).getText();
        assertTrue(caption.matches("图片\\s+禁毒宣传照\\.png\\s+\\d+(\\.\\d)? (B|KB|MB)"), caption);
        assertFalse(browser.findElement(By.tagName("main")).getText().contains("image/png"), "no MIME type shown");
        Journey.check(browser, "organiser-forms-entry-files");
    }

    /** A judge account with a Chinese display name; its username. */
    private static String judge(Api api, String organiser, String name) throws Exception {
        String username = Api.uniqueName("jf");
        Api.Reply reply = api.post("/api/v1/accounts", """
                {"username":"%s","displayName":"%s","role":"JUDGE","initialPassword":"%s"}""".formatted(username, name, PASSWORD),
                organiser, null);
        assertEquals(201, reply.status(), reply.body());
        return username;
    }

    private static int indexOf(List<String> labels, String username) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).contains("(" + username + ")")) {
                return i;
            }
        }
        throw new AssertionError(username + " is not offered: " + labels);
    }

    /** The labels ("name (username) · unit") in the order a Chinese reader expects, worked out here independently. */
    private static List<String> sortedByName(List<String> labels) {
        Collator chinese = Collator.getInstance(Locale.CHINA);
        List<String> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparing((String l) -> l.substring(0, l.indexOf(" (")), chinese)
                .thenComparing(l -> l.substring(l.indexOf(" (") + 2, l.indexOf(')', l.indexOf(" (")))));
        return sorted;
    }
}
