package app.laurel.platform.api;

import app.laurel.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a writing client based its change on, read from If-Match and the body's version. */
class VersionTagsTest {

    @Test
    void theEtagThisApiSentIsReadBackFromIfMatch() {
        assertEquals(7L, VersionTags.expected("\"7\"", null));
        assertEquals(7L, VersionTags.expected("W/\"7\"", null), "a proxy may weaken the tag; the version is the same");
        assertEquals(7L, VersionTags.expected("\"7\"", 7L));
        assertEquals("\"7\"", VersionTags.tag(7));
    }

    @Test
    void theBodysVersionServesWhenThereIsNoIfMatch() {
        assertEquals(3L, VersionTags.expected(null, 3L));
        assertEquals(3L, VersionTags.expected(" ", 3L));
        assertNull(VersionTags.expected(null, null), "neither: the write is not checked");
        assertNull(VersionTags.expected("*", null), "If-Match: * asks for no check");
    }

    @Test
    void aTagNeverSentOrTwoVersionsThatDisagreeAreRefusedNotGuessed() {
        assertThrows(InvalidInputException.class, () -> VersionTags.expected("\"abc\"", null));
        assertThrows(InvalidInputException.class, () -> VersionTags.expected("7", null));
        assertThrows(InvalidInputException.class, () -> VersionTags.expected("\"7\"", 6L));
    }
}
