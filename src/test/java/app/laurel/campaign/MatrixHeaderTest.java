package app.laurel.campaign;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A task's name in the matrix header: short names whole, long ones cut with an ellipsis (the page adds the full name). */
class MatrixHeaderTest {

    private static ProgressMatrix.Column column(String text) {
        return new ProgressMatrix.Column(1, 13, text, "办公室", null, null);
    }

    @Test
    void longTaskNamesAreAbbreviatedShortOnesKept() {
        assertEquals("制定工作方案", column("制定工作方案").shortText());
        assertEquals("开展禁毒主…", column("开展禁毒主题班会并留存照片").shortText());
        assertEquals("𠀀𠀁𠀂𠀃𠀄…", column("𠀀𠀁𠀂𠀃𠀄𠀅𠀆").shortText(), "cut between characters, never inside one");
    }
}
