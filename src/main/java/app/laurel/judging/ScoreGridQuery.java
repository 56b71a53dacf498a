package app.laurel.judging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a round's scorecards into a {@link ScoreGrid} with two streamed statements (the scorecards, then their
 * scores) on the transaction's connection: rows go from the driver into int arrays one at a time, never as entities
 * or a result held whole. Two plain scans, because joining 1.8 million scores to their scorecards, judges and codes
 * in one statement took twice as long as reading them apart on the provincial contest.
 */
final class ScoreGridQuery {

    private static final String CARDS = "select s.id, s.round_entry_id, s.judge_id, s.status, s.total_half_points"
            + " from scorecard s join round_entry re on re.id = s.round_entry_id where re.round_id = ? order by s.id";
    private static final String SCORES = "select sc.scorecard_id, sc.criterion, sc.half_points from score sc"
            + " join scorecard s on s.id = sc.scorecard_id join round_entry re on re.id = s.round_entry_id where re.round_id = ?";

    private ScoreGridQuery() {
    }

    /**
     * The round's scorecards of the entries in {@code codes} (round entry id to code) by the judges in
     * {@code usernames} (account id to username, the panel), each with its scores.
     */
    static ScoreGrid read(EntityManager em, long roundId, List<Criterion> criteria, List<String> panel,
                          Map<Long, String> usernames, Map<Long, String> codes) {
        ScoreGrid grid = new ScoreGrid(criteria, panel);
        Connection db = em.unwrap(Connection.class);
        long[] ids = new long[1024];
        try {
            try (PreparedStatement cards = streamed(db, CARDS, roundId); ResultSet row = cards.executeQuery()) {
                while (row.next()) {
                    String code = codes.get(row.getLong(2));
                    String judge = usernames.get(row.getLong(3));
                    if (code == null || judge == null) {
                        continue; // an entry out of play (withdrawn, disqualified) is not on the sheet
                    }
                    int total = row.getInt(5);
                    int card = grid.add(row.getLong(2), code, judge, "SUBMITTED".equals(row.getString(4)),
                            row.wasNull() ? null : total);
                    if (card == ids.length) {
                        ids = Arrays.copyOf(ids, ids.length * 2);
                    }
                    ids[card] = row.getLong(1);
                }
            }
            int size = grid.size();
            try (PreparedStatement scores = streamed(db, SCORES, roundId); ResultSet row = scores.executeQuery()) {
                while (row.next()) {
                    int card = Arrays.binarySearch(ids, 0, size, row.getLong(1));
                    if (card >= 0) {
                        grid.score(card, row.getString(2), row.getInt(3));
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("score sheet of round " + roundId, e);
        }
        return grid;
    }

    /** Connector/J streams a forward-only, read-only result row by row when the fetch size is Integer.MIN_VALUE. */
    private static PreparedStatement streamed(Connection db, String sql, long roundId) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(Integer.MIN_VALUE);
        statement.setLong(1, roundId);
        return statement;
    }
}
