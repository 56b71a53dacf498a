package app.laurel.ops;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the whole schema of a connection as plain SQL (what {@code mysqldump --single-transaction} writes), read in
 * one REPEATABLE READ transaction with a consistent snapshot, so that concurrent submissions are either wholly in it
 * or wholly out. Written in Java so that it needs no client binaries: it runs wherever the JDK and the driver do.
 */
final class SqlDump {

    private static final int STATEMENT_BYTES = 512 * 1024;
    private static final java.util.regex.Pattern DEFINER = java.util.regex.Pattern.compile(
            "DEFINER\\s*=\\s*(`[^`]*`|'[^']*'|[^@\\s]+)(@(`[^`]*`|'[^']*'|\\S+))?\\s+");

    /** Rows per table, in the order dumped. */
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final List<String> storedNames = new ArrayList<>();

    Map<String, Long> rows() {
        return rows;
    }

    /** The file store names of every stored_file row in the snapshot: the files that belong with this dump. */
    List<String> storedNames() {
        return storedNames;
    }

    void write(Connection db, Writer out) throws SQLException, IOException {
        try (Statement sql = db.createStatement()) {
            sql.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            sql.execute("SET time_zone = '+00:00'");
            sql.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
            try {
                out.write("-- Laurel backup: one consistent snapshot of the schema; restore into an empty database.\n");
                out.write("SET NAMES utf8mb4;\nSET time_zone = '+00:00';\nSET FOREIGN_KEY_CHECKS = 0;\n"
                        + "SET UNIQUE_CHECKS = 0;\nSET sql_mode = 'NO_AUTO_VALUE_ON_ZERO';\n");
                List<String[]> objects = new ArrayList<>();
                try (ResultSet tables = sql.executeQuery("SELECT table_name, table_type FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() ORDER BY table_type <> 'BASE TABLE', table_name")) {
                    while (tables.next()) {
                        objects.add(new String[] {tables.getString(1), tables.getString(2)});
                    }
                }
                for (String[] object : objects) {
                    switch (object[1]) {
                        case "BASE TABLE" -> table(db, object[0], out);
                        case "SEQUENCE" -> sequence(db, object[0], out);
                        case "VIEW" -> out.write(showCreate(db, "VIEW", object[0]) + ";\n");
                        default -> throw new IllegalStateException("cannot back up " + object[1] + " " + object[0]);
                    }
                }
                triggers(db, out);
                out.write("SET FOREIGN_KEY_CHECKS = 1;\nSET UNIQUE_CHECKS = 1;\n");
            } finally {
                sql.execute("COMMIT");
            }
        }
    }

    private void table(Connection db, String table, Writer out) throws SQLException, IOException {
        out.write("\n" + showCreate(db, "TABLE", table) + ";\n");
        long count = 0;
        try (Statement select = db.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            select.setFetchSize(Integer.MIN_VALUE); // Connector/J streams the rows instead of holding the table
            try (ResultSet row = select.executeQuery("SELECT * FROM " + quoteName(table))) {
                ResultSetMetaData columns = row.getMetaData();
                StringBuilder insert = new StringBuilder();
                while (row.next()) {
                    insert.append(insert.isEmpty() ? "INSERT INTO " + quoteName(table) + " VALUES " : ",\n").append('(');
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        insert.append(i > 1 ? "," : "").append(literal(row, i, columns.getColumnType(i)));
                    }
                    insert.append(')');
                    if ("stored_file".equals(table)) {
                        storedNames.add(row.getString("stored_name"));
                    }
                    count++;
                    if (insert.length() > STATEMENT_BYTES) {
                        out.write(insert.append(";\n").toString());
                        insert.setLength(0);
                    }
                }
                if (!insert.isEmpty()) {
                    out.write(insert.append(";\n").toString());
                }
            }
        }
        rows.put(table, count);
    }

    /**
     * The triggers (the audit log's refusal to change or delete a line), after the data they guard. Without its
     * DEFINER, so that whoever restores becomes the definer and needs no right to name another account.
     */
    private static void triggers(Connection db, Writer out) throws SQLException, IOException {
        List<String> names = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet triggers = sql.executeQuery(
                "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE() ORDER BY trigger_name")) {
            while (triggers.next()) {
                names.add(triggers.getString(1));
            }
        }
        for (String name : names) {
            try (Statement sql = db.createStatement(); ResultSet ddl = sql.executeQuery("SHOW CREATE TRIGGER " + quoteName(name))) {
                ddl.next();
                out.write("\n" + withoutDefiner(ddl.getString(3)) + ";\n");
            }
        }
    }

    /** A trigger's DDL as whoever restores it may run it: {@code DEFINER=`laurel`@`%`} (or a bare {@code DEFINER=``}) left out. */
    static String withoutDefiner(String ddl) {
        return DEFINER.matcher(ddl).replaceFirst("");
    }

    /** A MariaDB sequence: its definition, then its current position. */
    private void sequence(Connection db, String name, Writer out) throws SQLException, IOException {
        out.write("\n" + showCreate(db, "SEQUENCE", name) + ";\n");
        try (Statement sql = db.createStatement();
             ResultSet next = sql.executeQuery("SELECT next_not_cached_value FROM " + quoteName(name))) {
            next.next();
            out.write("SELECT SETVAL(" + quoteName(name) + ", " + next.getLong(1) + ", 0);\n");
        }
        rows.put(name, 1L);
    }

    private static String showCreate(Connection db, String kind, String name) throws SQLException {
        try (Statement sql = db.createStatement();
             ResultSet ddl = sql.executeQuery("SHOW CREATE " + kind + " " + quoteName(name))) {
            ddl.next();
            return ddl.getString(2);
        }
    }

    private static String literal(ResultSet row, int column, int type) throws SQLException {
        switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = row.getBytes(column);
                return bytes == null ? "NULL" : "X'" + HexFormat.of().formatHex(bytes) + "'";
            }
            case Types.BIT, Types.BOOLEAN -> {
                Object value = row.getObject(column);
                if (value == null) {
                    return "NULL";
                }
                if (value instanceof Boolean flag) {
                    return flag ? "1" : "0";
                }
                return value instanceof byte[] bytes ? "X'" + HexFormat.of().formatHex(bytes) + "'" : value.toString();
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC,
                 Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                String value = row.getString(column);
                return value == null ? "NULL" : value;
            }
            default -> {
                String value = row.getString(column);
                return value == null ? "NULL" : quote(value);
            }
        }
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\'' -> quoted.append("\\'");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\0' -> quoted.append("\\0");
                case '\u001a' -> quoted.append("\\Z");
                default -> quoted.append(c);
            }
        }
        return quoted.append('\'').toString();
    }

    static String quoteName(String name) {
        return '`' + name.replace("`", "``") + '`';
    }
}
