package app.laurel.bench;

import app.laurel.judging.RoundSheets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The portal's judging statements run over plain JDBC, outside Payara: what the benchmarks time and the tests check
 * the statements' results with. The values come back as Connector/J hands them to JPA, so the same code reads them.
 */
public final class JdbcRows {

    private JdbcRows() {
    }

    /** ?1, ?2 … become ?, in order (each statement uses each parameter once). */
    public static RoundSheets.Rows of(Connection sql) {
        return (statement, parameters) -> {
            try (PreparedStatement query = sql.prepareStatement(statement.replaceAll("\\?\\d+", "?"))) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet r = query.executeQuery()) {
                    ResultSetMetaData columns = r.getMetaData();
                    while (r.next()) {
                        Object[] row = new Object[columns.getColumnCount()];
                        for (int c = 0; c < row.length; c++) {
                            row[c] = r.getObject(c + 1);
                        }
                        rows.add(row);
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
