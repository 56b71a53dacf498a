package app.laurel.bench.generate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One table's rows sent in batches: with Connector/J's {@code rewriteBatchedStatements=true} each batch goes as one
 * multi-row INSERT (split by the driver to fit the server's packet size), not a round trip per row.
 */
final class Rows implements AutoCloseable {

    private final Connection db;
    private final PreparedStatement insert;
    private final int batchSize;
    private int pending;
    private long written;

    Rows(Connection db, String table, String columns, int batchSize) throws SQLException {
        this.db = db;
        int count = columns.split(",").length;
        this.insert = db.prepareStatement("insert into " + table + " (" + columns + ") values ("
                + "?, ".repeat(count - 1) + "?)");
        this.batchSize = batchSize;
    }

    void add(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.addBatch();
        if (++pending == batchSize) {
            flush();
        }
    }

    /** Sends what is pending and commits: transactions stay small enough for the undo log at any contest size. */
    void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            written += pending;
            pending = 0;
            db.commit();
        }
    }

    long written() {
        return written + pending;
    }

    @Override
    public void close() throws SQLException {
        flush();
        insert.close();
    }
}
