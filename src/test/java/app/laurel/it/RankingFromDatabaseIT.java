package app.laurel.it;

import app.laurel.bench.JdbcRows;
import app.laurel.bench.generate.ContestGenerator;
import app.laurel.bench.generate.ContestSpec;
import app.laurel.bench.generate.GeneratedContest;
import app.laurel.judging.AggregationMethod;
import app.laurel.judging.EntryTotals;
import app.laurel.judging.Ranker;
import app.laurel.judging.Ranking;
import app.laurel.judging.RoundSheets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal ranks from what the database sums or reads once per card ({@link RoundSheets#sums}); the published
 * definitions are stated on every total ({@link Ranker#rank(List, AggregationMethod, int)}). On the real server's
 * data, for every method, both give the same order, ranks and figures, digit for digit, in a round where some cards
 * are still drafts and some entries were withdrawn (neither may count).
 */
@ExtendWith(LaurelServerExtension.class)
class RankingFromDatabaseIT {

    @Test
    void everyMethodRanksTheSameFromTheDatabaseAsFromEveryTotal(TestServer server) throws Exception {
        String code = "RK" + (System.nanoTime() % 10_000_000_000L);
        try (Connection db = server.connect()) {
            GeneratedContest contest = ContestGenerator.generate(db, ContestSpec.defaults().withCode(code).withEntries(150)
                    .withUnits(10).withJudges(12).withJudgesPerEntry(5).withCriteria(4).withChars(200, 400)
                    .withStage(ContestSpec.Stage.SCORED), null);
            long round = contest.roundId();
            db.setAutoCommit(true);
            try (Statement change = db.createStatement()) {
                assertEquals(7, change.executeUpdate("update scorecard s join (select s2.id from scorecard s2 join round_entry re"
                        + " on re.id = s2.round_entry_id where re.round_id = " + round + " order by s2.id limit 7) d on d.id = s.id"
                        + " set s.status = 'DRAFT'"), "seven cards back to drafts");
                assertEquals(3, change.executeUpdate("update entry e join (select re.entry_id from round_entry re where re.round_id = "
                        + round + " order by re.id desc limit 3) w on w.entry_id = e.id set e.status = 'WITHDRAWN'"),
                        "three entries withdrawn");
            }
            int ranked;
            try (Statement count = db.createStatement(); ResultSet n = count.executeQuery("select count(distinct re.id)"
                    + " from round_entry re join entry e on e.id = re.entry_id join scorecard s on s.round_entry_id = re.id"
                    + " where re.round_id = " + round + " and e.status = 'ACCEPTED' and s.status = 'SUBMITTED'")) {
                n.next();
                ranked = n.getInt(1);
            }
            assertTrue(ranked >= 140 && ranked <= 147, "withdrawn entries and entries with only drafts drop out: " + ranked);
            RoundSheets.Rows rows = JdbcRows.of(db);
            List<EntryTotals> sheet = RoundSheets.sheet(rows, round);
            assertEquals(ranked, sheet.size(), "the sheet holds the entries in play with a submitted card");
            for (AggregationMethod method : AggregationMethod.values()) {
                Ranking fromEveryTotal = Ranker.rank(sheet, method, 10);
                Ranking fromDatabase = Ranker.rank(RoundSheets.sums(rows, round, method), method, 10);
                assertEquals(ranked, fromDatabase.order().size(), method + ": every entry in play is ranked");
                assertEquals(fromEveryTotal.order(), fromDatabase.order(), method + ": the same entries, ranks and figures");
                assertEquals(fromEveryTotal.tiedAtCut(), fromDatabase.tiedAtCut(), method + ": the same tie at the cut");
                assertTrue(fromDatabase.order().get(0).value().compareTo(fromDatabase.order().get(ranked - 1).value()) > 0,
                        method + ": the scores differ, so the order says something");
            }
            // The median and z-scores read an entry's cards joined into one string; where the server cuts that string
            // short (a hundred judges scoring every entry) they read card by card, and rank the same.
            try (Statement shortStrings = db.createStatement()) {
                shortStrings.execute("set session group_concat_max_len = 8");
            }
            for (AggregationMethod method : List.of(AggregationMethod.MEDIAN, AggregationMethod.ZSCORE)) {
                assertEquals(Ranker.rank(sheet, method, 10).order(), Ranker.rank(RoundSheets.sums(rows, round, method), method, 10).order(),
                        method + ", cards read one by one: the same entries, ranks and figures");
            }
        }
    }
}
