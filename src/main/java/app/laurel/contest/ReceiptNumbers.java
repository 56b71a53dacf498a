package app.laurel.contest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out a contest's receipt numbers (回执编号), e.g. HY2021-0007, from its row in {@code receipt_counter}.
 * The row stays locked from here to the caller's commit, so take the number as the last step of a submission:
 * submissions then queue only for those few milliseconds, not for their checks. A rolled-back submission gives
 * its number back with the row, so the numbers have no gaps.
 */
@ApplicationScoped
public class ReceiptNumbers {

    // MySQL's counter idiom: LAST_INSERT_ID(x) hands x to this connection's next LAST_INSERT_ID(), so the number
    // is read back without a second look at the row. The insert gives a new contest its first number.
    private static final String NEXT = "insert into receipt_counter (contest_id, last_seq) values (?, last_insert_id(1))"
            + " on duplicate key update last_seq = last_insert_id(last_seq + 1)";

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    public String next(Contest contest) {
        // The transaction's own connection, so the counter commits or rolls back with the submission.
        Connection db = em.unwrap(Connection.class);
        try (PreparedStatement next = db.prepareStatement(NEXT)) {
            next.setLong(1, contest.getId());
            next.executeUpdate();
            try (PreparedStatement read = db.prepareStatement("select last_insert_id()"); ResultSet row = read.executeQuery()) {
                row.next();
                return contest.getCode() + "-" + String.format("%04d", row.getLong(1));
            }
        } catch (SQLException e) {
            throw new PersistenceException("receipt number of contest " + contest.getCode(), e);
        }
    }
}
