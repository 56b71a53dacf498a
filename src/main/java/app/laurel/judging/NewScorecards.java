package app.laurel.judging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The scorecards of a round being opened, written as multi-row INSERTs on the transaction's own connection, so they
 * commit or roll back with the opening: 360,000 of them are 360 statements, where persisting one entity each took
 * minutes. They are drafts of the PLANNED kind with version 0, what a new {@link Scorecard} is; nothing of the
 * persistence context refers to them yet, so it has nothing to get out of step with.
 */
final class NewScorecards {

    private static final int ROWS_PER_STATEMENT = 1_000;
    private static final String INSERT = "insert into scorecard (round_id, round_entry_id, judge_id, status, updated_at, version, reason) values ";
    private static final String ROW = "(?, ?, ?, 'DRAFT', ?, 0, 'PLANNED')";

    private NewScorecards() {
    }

    /** For each entry {@code e} of round {@code roundId}, one scorecard per judge index in {@code judges[e]}; returns how many. */
    static int insert(EntityManager em, long roundId, long[] roundEntryIds, int[][] judges, long[] judgeIds, Instant now) {
        // Stored as the UTC wall-clock time, as InstantConverter stores every instant.
        LocalDateTime updated = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        Connection db = em.unwrap(Connection.class);
        int written = 0;
        try (PreparedStatement full = db.prepareStatement(statement(ROWS_PER_STATEMENT))) {
            int pending = 0;
            long[] rowEntry = new long[ROWS_PER_STATEMENT];
            long[] rowJudge = new long[ROWS_PER_STATEMENT];
            for (int e = 0; e < roundEntryIds.length; e++) {
                for (int j : judges[e]) {
                    rowEntry[pending] = roundEntryIds[e];
                    rowJudge[pending] = judgeIds[j];
                    if (++pending == ROWS_PER_STATEMENT) {
                        written += execute(full, roundId, rowEntry, rowJudge, pending, updated);
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                try (PreparedStatement rest = db.prepareStatement(statement(pending))) {
                    written += execute(rest, roundId, rowEntry, rowJudge, pending, updated);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("scorecards of a round being opened", e);
        }
        return written;
    }

    private static String statement(int rows) {
        StringBuilder sql = new StringBuilder(INSERT.length() + rows * (ROW.length() + 2)).append(INSERT);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        return sql.toString();
    }

    private static int execute(PreparedStatement insert, long roundId, long[] entries, long[] judges, int rows,
                               LocalDateTime updated) throws SQLException {
        for (int i = 0; i < rows; i++) {
            insert.setLong(4 * i + 1, roundId);
            insert.setLong(4 * i + 2, entries[i]);
            insert.setLong(4 * i + 3, judges[i]);
            insert.setObject(4 * i + 4, updated);
        }
        return insert.executeUpdate();
    }
}
