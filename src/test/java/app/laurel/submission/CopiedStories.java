package app.laurel.submission;

import java.util.List;

/**
 * Stories that copy a given share of an original, retyped with other punctuation, spaces, line breaks and
 * full-width digits: the material of the 查重 tests, in-process and through the server.
 */
public final class CopiedStories {

    /** An original story, one sentence per element. */
    public static final List<String> ORIGINAL = List.of(
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
    public static final List<String> OWN = List.of(
            "我们学校每年六月都会举办一次主题班会，请公安民警来给同学们上课。",
            "今年来的是一位年轻的女警官，她带来了很多仿真的毒品样品。",
            "同学们第一次知道，有的毒品看起来像糖果，有的像奶茶粉。",
            "警官说，遇到陌生人递来的饮料，一定要学会拒绝。",
            "班会结束后，我们每个人都在横幅上签下了自己的名字。",
            "回家的路上，我把学到的知识讲给了奶奶听，她连连点头。",
            "我想把这份警惕传给身边更多的朋友，让大家都平安长大。",
            "下学期我打算加入学校的宣传小组，去附近的村子里发传单。",
            "老师说，只要坚持下去，一个人的声音也能影响很多人。",
            "暑假里我跟着表姐去了一趟省城的展览馆，看到了许多触目惊心的图片。",
            "讲解员阿姨告诉我们，青少年最容易因为好奇心而走错第一步。",
            "我在留言簿上写下了一句话：拒绝第一口，就是对自己最大的负责。");

    public static final String UNRELATED = "县公安局破获一起跨省贩毒案件，缴获冰毒三公斤，抓获犯罪嫌疑人五名，依法移送检察机关审查起诉。"
            + "办案民警连续蹲守四十多天，行程上万公里，终于在邻省的一处出租屋内将主犯抓获。"
            + "局长在总结会上表示，将继续保持对毒品犯罪的高压态势，守护一方平安。";

    /**
     * A text of which {@code share} (in characters, punctuation aside) is {@code sentences} sentences of the
     * original from sentence {@code from}, and the rest the other author's; retyped: half-width punctuation with
     * spaces, a line break after every sentence, a full-width digit. While it is shorter than the original, the
     * containment of the two is that share.
     */
    public static String copying(double share, int from, int sentences) {
        return copying(share, from, sentences, 0);
    }

    /** As {@link #copying(double, int, int)}, the other author's text starting at their sentence {@code ownFrom}. */
    public static String copying(double share, int from, int sentences, int ownFrom) {
        String copied = String.join("", ORIGINAL.subList(from, from + sentences));
        int copiedChars = ComparableText.of(copied).length();
        int ownChars = (int) Math.floor(copiedChars * (1 - share) / share);
        String own = String.join("", OWN.subList(ownFrom, OWN.size())) + UNRELATED;
        int cut = 0;
        while (ComparableText.of(own.substring(0, cut)).length() < ownChars) {
            cut++;
        }
        return retype(copied + own.substring(0, cut));
    }

    public static String retype(String text) {
        return text.replace("，", ", ").replace("。", ".\n").replace("：", ": ").replace("八家", "８家");
    }

    public static String original() {
        return String.join("", ORIGINAL).replace("八家", "8家");
    }

    private CopiedStories() {
    }
}
