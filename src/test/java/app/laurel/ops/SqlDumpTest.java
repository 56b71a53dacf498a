package app.laurel.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A dumped trigger names no definer, so that restoring it needs no right to act as another account. */
class SqlDumpTest {

    private static final String BODY = " TRIGGER t BEFORE DELETE ON audit_event FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a@b'";

    @Test
    void theDefinerIsLeftOutWhateverItsForm() {
        for (String definer : new String[] {"DEFINER=`laurel`@`%`", "DEFINER=`root`@`localhost`", "DEFINER=``", "DEFINER='x'@'10.0.0.1'"}) {
            assertEquals("CREATE" + BODY, SqlDump.withoutDefiner("CREATE " + definer + BODY), definer);
        }
        assertEquals("CREATE" + BODY, SqlDump.withoutDefiner("CREATE" + BODY));
    }
}
