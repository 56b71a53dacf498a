package app.laurel.platform.i18n;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The language switch returns to the page it was pressed on, and never to another site. */
class LanguageReturnTest {

    @Test
    void onlyAPathInsideTheApplicationIsFollowed() {
        assertTrue(LanguageBacking.isLocal("/contest.xhtml?code=HY2021", ""));
        assertTrue(LanguageBacking.isLocal("/laurel/column/HY2021", "/laurel"));
        assertFalse(LanguageBacking.isLocal("//evil.example/x", ""));
        assertFalse(LanguageBacking.isLocal("https://evil.example/", ""));
        assertFalse(LanguageBacking.isLocal("/\\evil.example", ""));
        assertFalse(LanguageBacking.isLocal("/other/x", "/laurel"));
        assertFalse(LanguageBacking.isLocal("/x\r\nSet-Cookie: a=b", ""));
        assertFalse(LanguageBacking.isLocal(null, ""));
    }
}
