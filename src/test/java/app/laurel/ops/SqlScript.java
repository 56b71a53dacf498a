package app.laurel.ops;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Splits a SQL script as {@link SqlDump} writes it (and mysqldump does) into statements: at each semicolon outside
 * quotes, backticks and comment lines, honouring backslash escapes inside strings.
 */
final class SqlScript {

    private SqlScript() {
    }

    static long forEachStatement(Reader in, Consumer<String> statement) throws IOException {
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean escaped = false;
        boolean lineStart = true;
        boolean comment = false;
        long count = 0;
        for (int read = in.read(); read != -1; read = in.read()) {
            char c = (char) read;
            if (comment) {
                comment = c != '\n';
                lineStart = !comment;
                continue;
            }
            if (quote == 0 && lineStart && c == '-' && current.toString().isBlank()) {
                comment = true;
                continue;
            }
            lineStart = c == '\n';
            current.append(c);
            if (escaped) {
                escaped = false;
            } else if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    escaped = true;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == ';') {
                current.setLength(current.length() - 1);
                if (!current.toString().isBlank()) {
                    statement.accept(current.toString().strip());
                    count++;
                }
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statement.accept(current.toString().strip());
            count++;
        }
        return count;
    }
}
