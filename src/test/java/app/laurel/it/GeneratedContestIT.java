package app.laurel.it;

import app.laurel.bench.generate.ContestGenerator;
import app.laurel.bench.generate.ContestSpec;
import app.laurel.bench.generate.GeneratedContest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A contest written by the benchmarks' generator is one the portal takes as its own: its organiser logs in with the
 * generated password, opens the round (with own-unit and recorded conflicts) through the API, and the round page and
 * a judge's list show it; the opening gave every entry three judges, none conflicted, loads within one.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class GeneratedContestIT {

    @Test
    void aGeneratedRoundOpensThroughTheApiAndShowsOnTheRoundPageAndAJudgesList(TestServer server, WebDriver browser)
            throws Exception {
        String code = "G" + (System.nanoTime() % 10_000_000_000L);
        GeneratedContest contest;
        try (Connection db = server.connect()) {
            contest = ContestGenerator.generate(db, ContestSpec.defaults().withCode(code).withEntries(60).withUnits(8)
                    .withJudges(10).withJudgesPerEntry(3).withConflictShare(0.2).withJudgeUnitShare(0.3)
                    .withChars(300, 600).withStage(ContestSpec.Stage.ROUND_SETUP), null);
        }
        Api api = new Api(server);
        String organiser = api.token(contest.organiser(), contest.password());
        assertEquals(200, api.post("/api/v1/rounds/" + contest.roundId() + "/open", "", organiser, null).status());

        long judgeLoad;
        try (Connection db = server.connect(); Statement query = db.createStatement()) {
            String cards = " from scorecard s join round_entry re on re.id = s.round_entry_id where re.round_id = " + contest.roundId();
            assertEquals("3 3 60", row(query, "select min(n), max(n), count(*) from (select count(*) n" + cards
                    + " group by s.round_entry_id) x"), "every entry exactly three judges");
            String[] loads = row(query, "select min(n), max(n) from (select count(*) n" + cards + " group by s.judge_id) x").split(" ");
            assertTrue(Long.parseLong(loads[1]) - Long.parseLong(loads[0]) <= 1, "loads within one: " + String.join("-", loads));
            assertEquals("0", row(query, "select count(*)" + cards.replace(" where", " join entry e on e.id = re.entry_id"
                    + " join account a on a.id = s.judge_id left join conflict c on c.round_id = re.round_id and c.entry_id = e.id"
                    + " and c.judge_id = a.id where") + " and (c.id is not null or a.unit_id = e.unit_id or a.unit_id = e.township_id)"),
                    "no judge scores an entry they are conflicted on");
            assertTrue(Long.parseLong(row(query, "select count(*) from conflict where round_id = " + contest.roundId())) > 0,
                    "the generator recorded conflicts");
            judgeLoad = Long.parseLong(row(query, "select count(*)" + cards + " and s.judge_id = (select id from account where username = '"
                    + contest.judges().get(0) + "')"));
        }

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        PageActions.logIn(browser, server, contest.organiser(), contest.password());
        browser.get(server.baseUrl() + "/organiser/round.xhtml?id=" + contest.roundId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roundName"), "初评"));
        assertTrue(browser.getPageSource().contains("R1-001"), "the round page lists the generated entries' codes");
        browser.manage().deleteAllCookies();
        PageActions.logIn(browser, server, contest.judges().get(0), contest.password());
        PageActions.menu(browser, "navJudging");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "已提交 0 / " + judgeLoad + " 件"));
    }

    private static String row(Statement query, String sql) throws Exception {
        try (ResultSet row = query.executeQuery(sql)) {
            row.next();
            StringBuilder values = new StringBuilder();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                values.append(i == 1 ? "" : " ").append(row.getString(i));
            }
            return values.toString();
        }
    }
}
