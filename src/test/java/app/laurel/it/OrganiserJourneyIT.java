package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organiser's journey on a laptop (issue 13): from the home page to the contest's workspace, where the steps
 * and their states are; to 审查, a paged and sorted table of 37 entries with a count, where several are accepted at
 * once and two returned with one reason (refused beside the reason field without one), then 下一件 on an entry's
 * page; to 评审, where the figures are explained in plain words and the ranking names titles, units and judges;
 * closing the round, the workspace's next step is 起草公示.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class OrganiserJourneyIT {

    private static final String PASSWORD = RoundFixture.PASSWORD;
    private static final int WAITING = 34;

    @Test
    void anOrganiserRunsAContestFromItsWorkspace(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        String tag = Api.uniqueName("").substring(0, 6);
        String contestTitle = "工作台旅程" + tag;
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, contestTitle);
        String unit = "县禁毒志愿者协会" + tag;
        Map<String, String> judges = judgedRound(api, server, organiser, contest, unit);
        waitingEntries(api, server, contest);

        Journey.laptop(browser);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        PageActions.logIn(browser, server, "organiser", "Laurel2026");

        // Home: the way to the workspaces; then the contest's workspace with every step's state.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("workspaces"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(contestTitle)));
        Journey.check(browser, "organiser-1-workspaces");
        assertTrue(browser.findElement(By.id("allAudit")).getAttribute("href").endsWith("/organiser/audit.xhtml"), "the whole audit log");
        browser.findElement(By.linkText(contestTitle)).click();
        wait.until(ExpectedConditions.textToBe(By.id("workspaceTitle"), contestTitle));
        List<String> steps = browser.findElements(By.cssSelector("#steps > li h2 a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("设置", "审查", "评审", "公示", "证书", "奖金", "专栏"), steps);
        assertTrue(text(browser, "step-SETUP").contains("征集中，截止时间"), text(browser, "step-SETUP"));
        assertTrue(text(browser, "step-SCREENING").contains(WAITING + " 件待审 · 3 件已受理"), text(browser, "step-SCREENING"));
        assertTrue(text(browser, "step-JUDGING").contains("初评：评审中，已提交评分 6/6 份"), text(browser, "step-JUDGING"));
        assertTrue(text(browser, "step-NOTICE").contains("尚未起草公示"), text(browser, "step-NOTICE"));
        assertTrue(text(browser, "nextStep").contains("下一步：评分已全部提交，结束评审：初评"), text(browser, "nextStep"));
        Journey.check(browser, "organiser-2-workspace");
        // The contest's tools beside its steps: its exports and its own lines of the audit log.
        assertTrue(browser.findElement(By.id("exportsLink")).getAttribute("href").endsWith("/organiser/exports.xhtml?code=" + contest.code()),
                browser.findElement(By.id("exportsLink")).getAttribute("href"));
        assertTrue(browser.findElement(By.id("auditLink")).getAttribute("href").endsWith("/organiser/audit.xhtml?contest=" + contest.code()),
                browser.findElement(By.id("auditLink")).getAttribute("href"));

        // 审查: a table with its count and pages, not a card per entry.
        browser.findElement(By.cssSelector("#step-SCREENING a.step-link")).click();
        wait.until(ExpectedConditions.textToBe(By.id("total"), "共 " + (WAITING + 3) + " 件"));
        assertEquals(20, rows(browser).size(), "twenty a page");
        assertTrue(browser.findElement(By.id("list:entries")).getText().contains("第 1–20 件，共 " + (WAITING + 3) + " 件"));
        assertTrue(browser.findElement(By.id("stepBar")).getText().contains("活动工作台"), "the step bar leads back");
        Journey.check(browser, "organiser-3-screening");

        SelectMenus.choose(browser, "filter:status", "已提交");
        browser.findElement(By.id("filter:search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("total"), "共 " + WAITING + " 件"));
        clickHeader(browser, wait, "作品标题");
        wait.until(d -> firstTitle(d).equals("待审作品01"));
        clickHeader(browser, wait, "作品标题");
        wait.until(d -> firstTitle(d).equals("待审作品" + WAITING));
        browser.findElement(By.cssSelector("#list\\:entries_paginator_top .ui-paginator-next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:entries"), "第 21–" + WAITING + " 件"));
        assertEquals(WAITING - 20, rows(browser).size());

        // Accept three at once.
        select(browser, wait, 0, 1, 2);
        browser.findElement(By.id("list:acceptSelected")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已通过 3 件作品。"));
        wait.until(ExpectedConditions.textToBe(By.id("total"), "共 " + (WAITING - 3) + " 件"));

        // Return two: without a reason the refusal stands beside the reason field and nothing changes.
        List<String> returning = select(browser, wait, 0, 1);
        browser.findElement(By.id("list:returnSelected")).click();
        By reasonMessage = By.xpath("//div[contains(@class,'field')][.//textarea[@id='list:reason']]//*[contains(@class,'ui-message')]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(reasonMessage, "请填写退回原因"));
        assertEquals("共 " + (WAITING - 3) + " 件", browser.findElement(By.id("total")).getText());
        Journey.check(browser, "organiser-4-screening-no-reason");
        browser.findElement(By.id("list:reason")).sendKeys("请补充作者所在社区的名称");
        browser.findElement(By.id("list:returnSelected")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已退回 2 件作品。"));
        wait.until(ExpectedConditions.textToBe(By.id("total"), "共 " + (WAITING - 5) + " 件"));
        Journey.check(browser, "organiser-4-screening-returned");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("total"), "共 " + (WAITING + 3) + " 件"));
        Journey.check(browser, "organiser-4-screening-bulk");
        String returned = api.get("/api/v1/screening/" + contest.code() + "/entries?status=RETURNED", organiser, null).body();
        for (String title : returning) {
            assertTrue(returned.contains(title), title + " returned: " + returned);
        }
        assertEquals(2, returned.split("请补充作者所在社区的名称", -1).length - 1, returned);

        // 下一件: from one entry to the next waiting one, and on after a decision.
        String opened = firstTitle(browser);
        browser.findElement(By.xpath("//*[@id='list:entries_data']/tr[1]//a[contains(@class,'open')]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entryTitle"), opened));
        Journey.check(browser, "organiser-5-entry");
        browser.findElement(By.id("nextEntry")).click();
        wait.until(d -> !d.findElement(By.id("entryTitle")).getText().contains(opened));
        String second = browser.findElement(By.id("entryTitle")).getText();
        assertTrue(second.contains("待审作品") && second.contains("已提交"), second);
        browser.findElement(By.id("decision:accept")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "审查决定已记录"));
        assertFalse(browser.findElement(By.id("entryTitle")).getText().equals(second), "on to the next entry after deciding");

        // 评审: from the workspace's prompt to the round, explained in plain words, with titles, units and judges.
        browser.findElement(By.id("stepBarWorkspace")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nextRoundLink"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roundStatus"), "评审中"));
        String glossary = browser.findElement(By.id("glossary")).getText();
        assertTrue(glossary.contains("肯德尔 W") && glossary.contains("各位评委排出的先后是否一致"), glossary);
        assertTrue(glossary.contains("稳定性") && glossary.contains("换一批评委它还能不能入选"), glossary);
        assertTrue(glossary.contains("宽严度") && glossary.contains("偏松还是偏严"), glossary);
        String first = browser.findElement(By.cssSelector("[id$='ranking_data'] tr")).getText();
        assertTrue(first.contains("社区里的禁毒课") && first.contains(unit), first);
        assertTrue(browser.findElement(By.cssSelector("[id$='ranking_data']")).getText().contains("个人投稿"));
        for (Map.Entry<String, String> judge : judges.entrySet()) {
            assertTrue(browser.findElement(By.id("judgeProgress")).getText().contains(judge.getValue()), judge.getValue());
            assertTrue(browser.findElement(By.id("judgeFigures")).getText().contains(judge.getValue() + "（" + judge.getKey() + "）"));
        }
        Journey.check(browser, "organiser-6-round");

        browser.findElement(By.id("actions:close")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roundStatus"), "已结束"));

        // Back in the workspace, the next step is the notice.
        browser.findElement(By.id("stepBarWorkspace")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nextStep"), "下一步：起草公示"));
        assertTrue(text(browser, "step-JUDGING").contains("初评：已结束"), text(browser, "step-JUDGING"));
        assertEquals("/organiser/notice.xhtml?contest=" + contest.code(),
                browser.findElement(By.id("nextLink")).getAttribute("href").replace(server.baseUrl(), ""));
        Journey.check(browser, "organiser-7-next-notice");
    }

    /**
     * A unit's entry and two citizens' entries, accepted and scored by two judges with names (R1-001 first); the
     * judges' usernames with their names.
     */
    private static Map<String, String> judgedRound(Api api, TestServer server, String organiser, RoundFixture.ContestRef contest,
                                                   String unit) throws Exception {
        String admin = Api.uniqueName("ua");
        RoundFixture.account(api, organiser, admin, "UNIT_ADMIN", unit);
        server.enrol(contest.code(), unit);
        long unitEntry = RoundFixture.entry(api, api.token(admin, PASSWORD), contest.code(), contest.category(), "社区里的禁毒课", "张老师", null);
        RoundFixture.accept(api, organiser, contest.code(), unitEntry);
        RoundFixture.acceptedEntry(api, organiser, contest, "老李的十年");
        RoundFixture.acceptedEntry(api, organiser, contest, "回家的路");
        Map<String, String> names = new java.util.LinkedHashMap<>();
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        for (String name : List.of("李建国", "王秀英")) {
            String username = Api.uniqueName("jn");
            Api.Reply created = api.post("/api/v1/accounts", """
                    {"username":"%s","displayName":"%s","role":"JUDGE","initialPassword":"%s"}""".formatted(username, name, PASSWORD),
                    organiser, null);
            assertEquals(201, created.status(), created.body());
            names.put(username, name);
            tokens.put(username, api.token(username, PASSWORD));
        }
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\",\"selectCount\":2", names.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        int lower = 0;
        for (String token : tokens.values()) {
            for (JsonObject card : JudgingRulesIT.cards(api, token)) {
                int total = switch (card.getString("code")) {
                    case "R1-001" -> 90;
                    case "R1-002" -> 80 - lower;
                    default -> 70;
                };
                String path = "/api/v1/judging/scorecards/" + card.getJsonNumber("scorecardId");
                assertEquals(200, api.put(path, RoundFixture.split(total), token).status());
                assertEquals(200, api.post(path + "/submit", "", token, null).status());
            }
            lower += 4;
        }
        return names;
    }

    /** Entries waiting for screening, 待审作品01 … 待审作品34, copied in the database from one submitted through the API. */
    private static void waitingEntries(Api api, TestServer server, RoundFixture.ContestRef contest) throws Exception {
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long original = RoundFixture.entry(api, citizen, contest.code(), contest.category(), "待审作品", null, null);
        List<Long> ids = new ArrayList<>(List.of(original));
        ids.addAll(BulkEntries.copy(server, original, WAITING - 1));
        try (Connection db = server.connect(); PreparedStatement title = db.prepareStatement("update entry set title = ? where id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                title.setString(1, "待审作品%02d".formatted(i + 1));
                title.setLong(2, ids.get(i));
                title.executeUpdate();
            }
        }
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#list\\:entries_data > tr[data-rk]"));
    }

    private static String firstTitle(WebDriver browser) {
        try {
            return browser.findElement(By.cssSelector("#list\\:entries_data > tr[data-rk] a.open")).getText();
        } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }

    private static void clickHeader(WebDriver browser, WebDriverWait wait, String header) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.xpath("//*[@id='list:entries']//th[contains(@class,'ui-sortable-column')][contains(., '" + header + "')]")).click();
            return true;
        });
    }

    /** Ticks the rows at these positions of the page shown; their titles. */
    private static List<String> select(WebDriver browser, WebDriverWait wait, int... positions) {
        List<String> titles = new ArrayList<>();
        for (int position : positions) {
            By row = By.xpath("//*[@id='list:entries_data']/tr[" + (position + 1) + "]");
            wait.ignoring(StaleElementReferenceException.class).until(d -> {
                WebElement tr = d.findElement(row);
                if (!"true".equals(tr.getAttribute("aria-selected"))) {
                    tr.findElement(By.cssSelector(".ui-chkbox-box")).click();
                }
                return "true".equals(d.findElement(row).getAttribute("aria-selected"));
            });
            titles.add(browser.findElement(row).findElement(By.cssSelector("a.open")).getText());
        }
        return titles;
    }

}
