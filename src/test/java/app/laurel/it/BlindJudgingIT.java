package app.laurel.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blind judging through the real server: a citizen registered as "测试员王小明" names themself in every form people
 * use, in the story and in a .docx; the judge reads none of them (API, page at 390 px, downloaded .docx); the
 * organiser is warned where a one-character given name may give an author away. And a judge on two panels sees
 * each scorecard under its contest and round.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class BlindJudgingIT {

    private static final String PASSWORD = RoundFixture.PASSWORD;
    /** Every form of 测试员王小明 (xmwang88@example.cn) that must not reach a judge. */
    private static final String NAMED = "我叫小明，全名王 小 明，也写作王　小　明、王·小·明。英文名Wang Xiaoming，网名wangxiaoming，"
            + "签名 XIAOMING WANG。邮箱 xmwang88@example.cn，账号 xmwang88。这是一个真实的禁毒故事。";
    private static final List<String> FORMS = List.of("小明", "王 小", "王　小", "王·小", "xiao", "wang", "xmwang88", "example.cn");

    @TempDir
    Path dir;

    @Test
    void theAuthorsNameInAnyFormIsHiddenFromTheJudgeAndAShortNameWarnsTheOrganiser(TestServer server, WebDriver browser)
            throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "盲评测试");
        String named = api.token(register(api, "测试员王小明", "xmwang88@example.cn"), PASSWORD);
        long docx = api.upload(TestFiles.docx(dir, NAMED), "我的故事.docx", named).json().getJsonObject("file")
                .getJsonNumber("id").longValue();
        long full = RoundFixture.entry(api, named, contest.code(), contest.category(), "禁毒路上", null, docx, "ATTACHMENT", NAMED);
        long shortName = RoundFixture.entry(api, api.token(register(api, "王明", null), PASSWORD), contest.code(),
                contest.category(), "阿明的故事", null, null, "IMAGE", "大家都叫我阿明，我做了十年禁毒志愿者。");

        // The organiser, on a laptop, is warned about the short name only, in the list and on the entry.
        browser.manage().window().setSize(new Dimension(1366, 900));
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(server.baseUrl() + "/organiser/screening.xhtml?contest=" + contest.code());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='list:entries_data'] tr[data-rk]")));
        List<WebElement> warned = browser.findElements(By.xpath("//*[@id='list:entries_data']/tr[.//span[contains(@class,'may-reveal-author')]]"));
        assertEquals(1, warned.size(), browser.getPageSource());
        assertTrue(warned.get(0).getText().contains("阿明的故事") && warned.get(0).getText().contains("可能自报身份"), warned.get(0).getText());
        browser.get(server.baseUrl() + "/organiser/entry.xhtml?contest=" + contest.code() + "&id=" + shortName);
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mayRevealAuthor"))).getText().contains("可能自报身份"));
        browser.get(server.baseUrl() + "/organiser/entry.xhtml?contest=" + contest.code() + "&id=" + full);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entryTitle")));
        assertTrue(browser.findElements(By.id("mayRevealAuthor")).isEmpty(), "all of 王小明's forms can be hidden: no warning");

        // Decided once at submission and stored, so the list reads a column rather than every story.
        assertEquals(Boolean.TRUE, storedWarning(server, shortName));
        assertEquals(Boolean.FALSE, storedWarning(server, full));
        // Hiding 明 as a term the organiser adds answers the warning: it goes from the entry.
        assertEquals(200, api.put("/api/v1/screening/" + contest.code() + "/entries/" + shortName + "/redactions",
                "{\"terms\":[\"阿明\"]}", organiser).status());
        assertEquals(Boolean.FALSE, storedWarning(server, shortName));

        RoundFixture.accept(api, organiser, contest.code(), full);
        RoundFixture.accept(api, organiser, contest.code(), shortName);
        String judge = Api.uniqueName("jb");
        RoundFixture.account(api, organiser, judge, "JUDGE", null);
        openRound(api, organiser, contest.code(), "初评", judge);
        String judgeToken = api.token(judge, PASSWORD);

        String list = api.get("/api/v1/judging/scorecards", judgeToken, null).body();
        JsonObject card = api.get("/api/v1/judging/scorecards", judgeToken, null).structure().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(o -> o.getString("title").equals("禁毒路上")).findFirst().orElseThrow();
        String detail = api.get("/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId"), judgeToken, null).body();
        assertNamesHidden("API", list + detail);
        assertTrue(detail.contains("我叫■■") && detail.contains("这是一个真实的禁毒故事"), "blacked out where they stood: " + detail);

        long copy = card.getJsonArray("files").getJsonObject(0).getJsonNumber("fileId").longValue();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(api.bytes("/api/v1/files/" + copy + "/content", judgeToken)))) {
            String text = new XWPFWordExtractor(document).getText();
            assertNamesHidden("the judge's .docx", text);
            assertTrue(text.contains("我叫■■") && text.contains("这是一个真实的禁毒故事"), text);
        }
        try (XWPFDocument original = new XWPFDocument(new ByteArrayInputStream(api.bytes("/api/v1/files/" + copy + "/content", named)))) {
            assertTrue(new XWPFWordExtractor(original).getText().contains("Wang Xiaoming"), "the author's own file is untouched");
        }

        // The judge's page on a phone.
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        PageActions.logIn(browser, server, judge, PASSWORD);
        browser.get(server.baseUrl() + "/judge/score.xhtml?id=" + card.getJsonNumber("scorecardId"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entryCode"), "禁毒路上"));
        assertNamesHidden("the judge's page", browser.findElement(By.tagName("body")).getText());
    }

    @Test
    void aJudgeOnTwoPanelsSeesEachScorecardUnderItsContestAndRound(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        String judge = Api.uniqueName("jt");
        RoundFixture.account(api, organiser, judge, "JUDGE", null);
        String tag = Api.uniqueName("").substring(0, 6);
        RoundFixture.ContestRef first = RoundFixture.contest(api, organiser, "禁毒故事" + tag);
        RoundFixture.ContestRef second = RoundFixture.contest(api, organiser, "禁毒微视频" + tag);
        RoundFixture.acceptedEntry(api, organiser, first, "第一个活动的作品");
        RoundFixture.acceptedEntry(api, organiser, second, "第二个活动的作品");
        long firstRound = openRound(api, organiser, first.code(), "初评", judge);
        long secondRound = openRound(api, organiser, second.code(), "终评", judge);

        JsonArray cards = api.get("/api/v1/judging/scorecards", api.token(judge, PASSWORD), null).structure().asJsonArray();
        assertEquals(2, cards.size(), cards.toString());
        for (JsonValue value : cards) {
            JsonObject c = value.asJsonObject();
            assertEquals("R1-001", c.getString("code"), "the same code in both rounds");
            boolean isFirst = c.getString("title").equals("第一个活动的作品");
            assertEquals(isFirst ? first.code() : second.code(), c.getString("contestCode"));
            assertEquals(isFirst ? "禁毒故事" + tag : "禁毒微视频" + tag, c.getString("contestTitle"));
            assertEquals(isFirst ? firstRound : secondRound, c.getJsonNumber("roundId").longValue());
            assertEquals(isFirst ? "初评" : "终评", c.getString("roundName"));
        }

        browser.manage().window().setSize(new Dimension(390, 844));
        PageActions.logIn(browser, server, judge, PASSWORD);
        browser.get(server.baseUrl() + "/judge/index.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.round-group")));
        List<WebElement> groups = browser.findElements(By.cssSelector("section.round-group"));
        assertEquals(2, groups.size());
        for (WebElement group : groups) {
            String heading = group.findElement(By.tagName("h2")).getText();
            String entry = group.findElement(By.cssSelector("article.entry-card h3")).getText();
            boolean isFirst = heading.contains("禁毒故事" + tag);
            assertEquals(isFirst ? "禁毒故事" + tag + " · 初评" : "禁毒微视频" + tag + " · 终评", heading);
            assertTrue(entry.startsWith("R1-001 " + (isFirst ? "第一个活动的作品" : "第二个活动的作品")), entry);
            assertTrue(group.getSize().getWidth() <= 390, "fits the phone: " + group.getSize());
        }
        assertEquals(Boolean.FALSE, ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth"),
                "no sideways scrolling at 390 px");
    }

    private static String register(Api api, String displayName, String email) throws Exception {
        String username = Api.uniqueName("cit");
        Api.Reply reply = api.post("/api/v1/registrations", """
                {"username":"%s","displayName":"%s","phone":"13812345678",%s"password":"%s"}"""
                .formatted(username, displayName, email == null ? "" : "\"email\":\"" + email + "\",", PASSWORD), null, null);
        assertEquals(201, reply.status(), reply.body());
        return username;
    }

    private static long openRound(Api api, String organiser, String contest, String name, String judge) throws Exception {
        Api.Reply round = api.post("/api/v1/rounds", """
                {"contest":"%s","name":"%s","mode":"ALL","method":"MEAN","minScores":1,"selectCount":1,%s,"judges":["%s"]}"""
                .formatted(contest, name, RoundFixture.RUBRIC, judge), organiser, null);
        assertEquals(201, round.status(), round.body());
        long id = round.json().getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/v1/rounds/" + id + "/open", "", organiser, null).status());
        return id;
    }

    private static void assertNamesHidden(String where, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String form : FORMS) {
            assertFalse(lower.contains(form), where + " shows " + form + ": " + text);
        }
    }

    private static Boolean storedWarning(TestServer server, long entryId) throws java.sql.SQLException {
        try (java.sql.Connection db = server.connect();
             java.sql.PreparedStatement query = db.prepareStatement("select may_reveal_author from entry where id = ?")) {
            query.setLong(1, entryId);
            try (java.sql.ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                boolean value = row.getBoolean(1);
                return row.wasNull() ? null : value;
            }
        }
    }
}
