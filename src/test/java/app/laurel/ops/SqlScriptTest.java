package app.laurel.ops;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A dump splits back into exactly the statements written, whatever the stored text holds. */
class SqlScriptTest {

    @Test
    void semicolonsQuotesBackslashesAndLineBreaksInsideValuesDoNotSplitAStatement() throws Exception {
        String story = "他说：“不；绝不！”\n第二行 'quoted' \\ back\\slash; -- not a comment\r\n`tick`";
        String insert = "INSERT INTO `entry` VALUES (1," + SqlDump.quote(story) + ",NULL,X'00ff')";
        String create = "CREATE TABLE `a;b` (\n  `x` varchar(10) DEFAULT ';'\n)";
        String script = "-- Laurel backup: a comment; with a semicolon\nSET NAMES utf8mb4;\n" + create + ";\n"
                + insert + ";\n" + insert + ";\n";

        List<String> statements = new ArrayList<>();
        long count = SqlScript.forEachStatement(new StringReader(script), statements::add);

        assertEquals(4, count);
        assertEquals(List.of("SET NAMES utf8mb4", create, insert, insert), statements);
    }

    @Test
    void quotingEscapesWhatMysqlWouldReadOtherwise() {
        assertEquals("'it\\'s \\\\ a\\nb\\0'", SqlDump.quote("it's \\ a\nb\0"));
        assertEquals("`we``ird`", SqlDump.quoteName("we`ird"));
    }
}
