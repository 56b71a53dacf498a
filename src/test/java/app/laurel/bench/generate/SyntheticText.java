package app.laurel.bench.generate;

import java.util.Random;

/**
 * Chinese-looking stories, titles and names from a seeded {@link Random}: words of one contest's theme strung into
 * sentences of 8 to 30 characters and paragraphs of 3 to 8 sentences, so that lengths, paragraphs and the mix of
 * common and rare runs resemble what citizens write (the texts mean nothing).
 */
final class SyntheticText {

    private static final String[] WORDS = ("禁毒 青少年 家庭 学校 社区 民警 志愿者 父亲 母亲 同学 老师 村里 镇上 县城 那一年 后来 "
            + "我们 他们 自己 朋友 邻居 孩子 少年 姑娘 老人 医生 网格员 派出所 宣传 讲座 展板 故事 成长 选择 诱惑 拒绝 勇气 "
            + "希望 阳光 健康 生活 梦想 责任 守护 陪伴 温暖 坚持 改变 回家 道路 明天 春天 夜晚 清晨 田野 河边 山路 教室 操场 "
            + "知道 明白 记得 看见 听说 告诉 决定 开始 终于 突然 慢慢 一直 已经 仍然 因为 所以 但是 如果 虽然 于是 只是 "
            + "毒品 危害 戒毒 远离 珍爱 生命 法律 法治 平安 和谐 乡村 振兴 奋斗 青春 未来 初心 使命 担当 奉献 誓言 "
            + "一次 一封信 一通电话 一张照片 一碗面 一盏灯 一条短信 一场雨 一个夜晚 一段路 的 了 着 过 在 和 把 被 给 向 "
            + "很多 一些 每天 每次 那天 这时 原来 其实 确实 真的 好像 似乎 还是 也许 再也 不再 从此").split(" ");
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢".split("");
    private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红梅晓东海波宇鹏浩然欣怡子涵雨萱梓轩思远佳琪".split("");
    private static final String[] TITLE_HEADS = {"那一盏灯", "回家的路", "远离", "守护", "春天里的约定", "一封信", "少年的选择",
            "母亲的眼泪", "操场上的阳光", "不再沉默", "拒绝", "河边的誓言", "青春无毒", "平安是福", "网格员老陈", "一次家访"};

    private final Random random;

    SyntheticText(Random random) {
        this.random = random;
    }

    /** A story of {@code chars} characters or a few more, as paragraphs separated by blank lines. */
    String story(int chars) {
        StringBuilder text = new StringBuilder(chars + 40);
        while (text.length() < chars) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            int sentences = 3 + random.nextInt(6);
            for (int s = 0; s < sentences && text.length() < chars; s++) {
                text.append(sentence());
            }
        }
        return text.toString();
    }

    /** The story as the editor stores it: one paragraph element per line, no markup inside. */
    static String html(String story) {
        StringBuilder html = new StringBuilder(story.length() + 64);
        for (String paragraph : story.split("\n")) {
            html.append("<p>").append(paragraph).append("</p>");
        }
        return html.toString();
    }

    private String sentence() {
        StringBuilder sentence = new StringBuilder();
        int length = 8 + random.nextInt(23);
        int comma = length / 2 + random.nextInt(4);
        while (sentence.length() < length) {
            sentence.append(WORDS[random.nextInt(WORDS.length)]);
            if (sentence.length() >= comma && comma > 0) {
                sentence.append('，');
                comma = 0;
            }
        }
        return sentence.append(random.nextInt(12) == 0 ? '！' : '。').toString();
    }

    String title(int number) {
        return TITLE_HEADS[random.nextInt(TITLE_HEADS.length)] + "（" + number + "）";
    }

    String personName() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
    }

    String phone() {
        return "13" + (100_000_000 + random.nextInt(900_000_000));
    }
}
