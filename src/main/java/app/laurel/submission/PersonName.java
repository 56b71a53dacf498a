package app.laurel.submission;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The personal name inside a registered Chinese name, split into surname and given name, so that the parts an
 * author may write in their story ("我叫小明") can be hidden from judges. Registered names often carry a prefix
 * ("测试员王小明", "民警李强"): the personal name is taken as the last two to four characters starting with a
 * known surname, the more common surname winning where two would fit. A name with no known surname where one is
 * expected is not split at all: a wrong split would black out ordinary words.
 */
public record PersonName(String surname, String given) {

    /** Two-character surnames, looked for before single ones (欧阳修 is 欧阳 + 修, not 欧 + 阳修). */
    private static final List<String> COMPOUND = List.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "百里", "呼延",
            "澹台", "公冶", "太史", "申屠", "闻人", "赫连", "万俟", "第五", "拓跋", "东郭", "闾丘", "濮阳", "单于", "司空");

    /** Common single surnames, most common first (the order breaks ties in {@link #parse}). */
    private static final String SINGLE = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
            + "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
            + "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
            + "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚"
            + "岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** The surname and given name in a registered name; empty when none can be found without guessing. */
    public static Optional<PersonName> parse(String registered) {
        String han = lastHanRun(registered);
        int n = han.length();
        if (n < 2) {
            return Optional.empty();
        }
        if (n <= 4 && n >= 3 && COMPOUND.contains(han.substring(0, 2))) {
            return Optional.of(new PersonName(han.substring(0, 2), han.substring(2)));
        }
        if (n <= 3) {
            return Optional.of(new PersonName(han.substring(0, 1), han.substring(1)));
        }
        for (int start : new int[]{n - 4, n - 3}) {
            if (COMPOUND.contains(han.substring(start, start + 2))) {
                return Optional.of(new PersonName(han.substring(start, start + 2), han.substring(start + 2)));
            }
        }
        int three = SINGLE.indexOf(han.charAt(n - 3));
        int two = SINGLE.indexOf(han.charAt(n - 2));
        if (three < 0 && two < 0) {
            return Optional.empty();
        }
        int start = two < 0 || (three >= 0 && three <= two) ? n - 3 : n - 2;
        return Optional.of(new PersonName(han.substring(start, start + 1), han.substring(start + 1)));
    }

    public String full() {
        return surname + given;
    }

    /** The pinyin readings of each character (all of them: 单 is shan as a surname, dan otherwise), ü as v. */
    public static List<Set<String>> syllables(String han) {
        List<Set<String>> out = new ArrayList<>();
        for (char c : han.toCharArray()) {
            Set<String> readings = new LinkedHashSet<>();
            try {
                String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
                if (all != null) {
                    readings.addAll(List.of(all));
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            if (readings.isEmpty()) {
                return List.of();
            }
            out.add(readings);
        }
        return out;
    }

    private static String lastHanRun(String name) {
        if (name == null) {
            return "";
        }
        int end = name.length();
        while (end > 0 && !isHan(name.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && isHan(name.charAt(start - 1))) {
            start--;
        }
        return name.substring(start, end);
    }

    static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
