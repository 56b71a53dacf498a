package app.laurel.submission;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 查重 by containment: texts that copy 60 %, 75 % and 90 % of another, retyped with other punctuation, spaces,
 * line breaks and full-width digits, reach the threshold; a 40 % overlap and an unrelated story do not.
 */
class ShinglesTest {

    /** An original story, one sentence per element. */
    static final List<String> ORIGINAL = List.of(
            "老周是西渡镇的社区禁毒专干，今年五十二岁，在这个岗位上已经干了整整十八年。",
            "他的办公桌上放着一本翻旧了的笔记本，记着辖区里每一位社区戒毒人员的情况。",
            "二〇一九年春天，刚从强制隔离戒毒所出来的小刘被分到了他的名下。",
            "小刘的父母早已不认他，他住在桥洞下面，靠捡废品换一口饭吃。",
            "老周第一次上门时带了两袋米和一床棉被，小刘却把门关上了。",
            "第二天老周又来了，这一次他没有说话，只是在门口坐了一个下午。",
            "到了第七天，小刘终于开口，说自己想学修车，可是没有人愿意收他。",
            "老周跑遍了镇上的八家修车铺，最后说动了一位姓谭的师傅。",
            "谭师傅提了一个条件：每个月的尿检必须按时做，一次都不能落下。",
            "三年过去了，小刘的尿检从未出过问题，还考下了汽车维修工的证书。",
            "去年冬天，他用攒下的钱在镇口开了自己的修车铺，取名叫重新出发。",
            "开业那天，他给老周敬了一杯茶，说没有您就没有今天的我。",
            "老周笑着摆摆手，说路是你自己走出来的，我只是陪你走了一段。",
            "如今小刘的铺子里还挂着一块小黑板，上面写着珍爱生命远离毒品。");

    /** Another author's sentences, which share no run of five characters with the original. */
    static final List<String> OWN = List.of(
            "我们学校每年六月都会举办一次主题班会，请公安民警来给同学们上课。",
            "今年来的是一位年轻的女警官，她带来了很多仿真的毒品样品。",
            "同学们第一次知道，有的毒品看起来像糖果，有的像奶茶粉。",
            "警官说，遇到陌生人递来的饮料，一定要学会拒绝。",
            "班会结束后，我们每个人都在横幅上签下了自己的名字。",
            "回家的路上，我把学到的知识讲给了奶奶听，她连连点头。",
            "我想把这份警惕传给身边更多的朋友，让大家都平安长大。",
            "下学期我打算加入学校的宣传小组，去附近的村子里发传单。",
            "老师说，只要坚持下去，一个人的声音也能影响很多人。");

    static final String UNRELATED = "县公安局破获一起跨省贩毒案件，缴获冰毒三公斤，抓获犯罪嫌疑人五名，依法移送检察机关审查起诉。"
            + "办案民警连续蹲守四十多天，行程上万公里，终于在邻省的一处出租屋内将主犯抓获。"
            + "局长在总结会上表示，将继续保持对毒品犯罪的高压态势，守护一方平安。";

    /**
     * A text whose share {@code share} (in characters, punctuation aside) is four sentences from the middle of
     * the original and the rest the other author's, retyped: half-width punctuation with spaces, a line break
     * after every sentence, half-width digits for full-width ones. Shorter than the original, so it is the text
     * the share is of.
     */
    static String copying(double share) {
        String copied = String.join("", ORIGINAL.subList(5, 9));
        int copiedChars = ComparableText.of(copied).length();
        int ownChars = (int) Math.floor(copiedChars * (1 - share) / share);
        String own = String.join("", OWN);
        int cut = 0;
        while (ComparableText.of(own.substring(0, cut)).length() < ownChars) {
            cut++;
        }
        return retype(copied + own.substring(0, cut));
    }

    static String retype(String text) {
        return text.replace("，", ", ").replace("。", ".\n").replace("：", ": ").replace("八家", "８家");
    }

    static String original() {
        return String.join("", ORIGINAL).replace("八家", "8家");
    }

    @Test
    void copiesOfSixtySeventyFiveAndNinetyPercentAreFlagged() {
        Shingles original = Shingles.of(original());
        for (double share : new double[]{0.60, 0.75, 0.90}) {
            double score = Shingles.of(copying(share)).containment(original);
            assertTrue(score >= SimilarityFlag.THRESHOLD, share + " copied scored " + score);
            assertEquals(share, score, 0.02, "the score tells how much was copied");
        }
    }

    @Test
    void aFortyPercentOverlapAndAnUnrelatedStoryAreNotFlagged() {
        Shingles original = Shingles.of(original());
        double forty = Shingles.of(copying(0.40)).containment(original);
        assertEquals(0.40, forty, 0.02, "40 % copied scored " + forty);
        double unrelated = Shingles.of(UNRELATED).containment(original);
        assertTrue(unrelated < 0.05, "unrelated scored " + unrelated);
    }

    @Test
    void aStoryCopiedWhollyIntoALongerTextIsContainedWhereJaccardWouldMissIt() {
        String longer = String.join("", OWN) + retype(String.join("", ORIGINAL)) + UNRELATED;
        Shingles original = Shingles.of(original());
        assertEquals(1.0, original.containment(Shingles.of(longer)), 1e-9);
        assertEquals(1.0, Shingles.of(longer).containment(original), 1e-9, "containment is of the shorter text");
    }

    @Test
    void fullWidthAndHalfWidthPunctuationSpacesAndLineBreaksAreIgnored() {
        String halfWidth = "ABC禁毒宣传 2021 年, 走进校园!\n";
        String fullWidth = "ＡＢＣ禁毒宣传２０２１年，走进校园！";
        assertEquals(1.0, Shingles.of(halfWidth).containment(Shingles.of(fullWidth)), 1e-9);
        assertEquals(Shingles.of(halfWidth).size(), Shingles.of(fullWidth).size());
    }

    @Test
    void fingerprintsAreTheSameEighthOfEveryText() {
        Shingles copy = Shingles.of(copying(0.90));
        Shingles original = Shingles.of(original());
        long[] theirs = original.fingerprints();
        long shared = java.util.Arrays.stream(copy.fingerprints()).filter(f -> java.util.Arrays.binarySearch(theirs, f) >= 0).count();
        assertTrue(theirs.length > original.size() / 16 && theirs.length < original.size() / 4, theirs.length + " of " + original.size());
        assertTrue(shared >= SimilarityIndex.CANDIDATE * Math.min(theirs.length, copy.fingerprints().length), "a copy shares enough fingerprints to be a candidate");
    }

    @Test
    void textsTooShortToCompareScoreZero() {
        assertEquals(0.0, Shingles.of("禁毒").containment(Shingles.of("禁毒")));
        assertTrue(Shingles.of((String) null).isEmpty());
    }

    @Test
    void sharedPassagesAreShownAsEachTextWroteThem() {
        List<SharedPassages.Passage> passages = SharedPassages.between(copying(0.60), original());
        assertFalse(passages.isEmpty());
        SharedPassages.Passage first = passages.get(0);
        assertTrue(first.here().startsWith("第二天老周又来了, 这一次他没有说话, 只是在门口坐了一个下午.\n到了第七天, 小刘终于开口"), first.here());
        assertTrue(first.there().startsWith("第二天老周又来了，这一次他没有说话，只是在门口坐了一个下午。到了第七天，小刘终于开口"), first.there());
        assertTrue(first.here().contains("镇上的８家修车铺") && first.there().contains("镇上的8家修车铺"), first.toString());
        assertTrue(passages.stream().noneMatch(p -> p.here().contains("主题班会")), "the copier's own sentences are not shared");
        assertTrue(SharedPassages.between(UNRELATED, original()).isEmpty());
    }
}
