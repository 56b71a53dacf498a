package app.laurel.submission;

import app.laurel.contest.Contest;
import app.laurel.contest.EntryType;
import app.laurel.identity.Account;
import app.laurel.identity.AccountDetails;
import app.laurel.identity.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The author's name is blacked out for judges in every form people write it; a too-short part only warns. */
class BlindTextTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static BlindText judgesOf(String displayName, String email) {
        Contest contest = new Contest("HY2026", "讲述身边的禁毒故事", null, null, NOW);
        Account owner = new Account(AccountDetails.normalised("citizen01", displayName, "13812345678", email), "h",
                EnumSet.of(Role.PUBLIC), null, NOW);
        return BlindText.forJudges(new Entry(contest, EntryType.STORY, owner, null, NOW));
    }

    @Test
    void personalNamesAreFoundBehindPrefixesAndCompoundSurnames() {
        assertEquals(Optional.of(new PersonName("王", "小明")), PersonName.parse("测试员王小明"));
        assertEquals(Optional.of(new PersonName("王", "明")), PersonName.parse("老师王明"), "师 is a rarer surname than 王");
        assertEquals(Optional.of(new PersonName("欧阳", "修")), PersonName.parse("欧阳修"));
        assertEquals(Optional.of(new PersonName("诸葛", "小亮")), PersonName.parse("民警诸葛小亮"));
        assertEquals(Optional.of(new PersonName("李", "强")), PersonName.parse("李强"));
        assertEquals(Optional.empty(), PersonName.parse("测试群众"), "no surname where one should be: no guess");
    }

    @Test
    void theGivenNameTheSpacedNameAndTheFullNameAreHidden() {
        BlindText blind = judgesOf("测试员王小明", null);
        assertEquals("我叫■■，大家叫我■■■。", blind.text("我叫小明，大家叫我王小明。"));
        assertEquals("签名：■ ■ ■ 与 ■\u3000■\u3000■ 与 ■■■■■", blind.text("签名：王 小 明 与 王\u3000小\u3000明 与 王·小·明"));
        assertEquals("<p>我叫■■■■■■。</p>", blind.html("<p>我叫测试员王小明。</p>"));
        assertEquals("王先生和明天", blind.text("王先生和明天"), "the surname alone or other words stay");
    }

    @Test
    void pinyinInEitherOrderAndAnyCaseIsHidden() {
        BlindText blind = judgesOf("测试员王小明", null);
        for (String form : List.of("Wang Xiaoming", "wangxiaoming", "Xiaoming Wang", "WANG XIAO-MING", "xiaoming", "Xiao Ming")) {
            String hidden = blind.text("作者 " + form + " 写");
            assertFalse(hidden.toLowerCase().contains("xiao") || hidden.toLowerCase().contains("ming"), form + " -> " + hidden);
            assertEquals(("作者 " + form + " 写").length(), hidden.length(), "the text keeps its length");
        }
        assertEquals("Shanghai wanguo", blind.text("Shanghai wanguo"), "syllables inside other words stay");
        assertEquals("作者■■■■ ■■■■■■■■", judgesOf("单小明", null).text("作者Shan Xiaoming"), "单 as a surname reads shan");
        assertEquals("■■■ ■■■■", judgesOf("吕明", null).text("Lyu Ming"), "ü as yu, u or v");
    }

    @Test
    void theEmailAndItsLocalPartAreHidden() {
        BlindText blind = judgesOf("测试员王小明", "xmwang88@example.cn");
        assertEquals("写信给 ■■■■■■■■■■■■■■■■■■■ 或 ■■■■■■■■。xmwang888 stays", blind.text(
                "写信给 xmwang88@example.cn 或 XMWang88。xmwang888 stays"));
    }

    @Test
    void aOneCharacterGivenNameIsNotHiddenAloneButWarns() {
        BlindText blind = judgesOf("王明", null);
        assertEquals("■■说明天见", blind.text("王明说明天见"));
        assertEquals("■■■■ ■■■■", blind.text("Wang Ming"));
        assertFalse(blind.mayRevealAuthor("王明说明天见，明白了吗？"), "the full name was hidden; 明 in words is no sign");
        assertTrue(blind.mayRevealAuthor("大家都叫我阿明。"));
        assertTrue(blind.mayRevealAuthor("我叫 明，是一名禁毒志愿者。"));
        assertTrue(blind.mayRevealAuthor("签名 Ming"));
        assertFalse(judgesOf("测试员王小明", null).mayRevealAuthor("我叫小明"), "hidden, so nothing to warn about");
        assertFalse(judgesOf("测试群众", null).mayRevealAuthor("我叫阿明"));
    }

    @Test
    void theKeyChangesWithWhatIsHidden() {
        assertEquals(judgesOf("王小明", null).key(), judgesOf("王小明", null).key());
        assertFalse(judgesOf("王小明", null).key().equals(judgesOf("王小红", null).key()));
    }
}
