package app.laurel.demo;

import java.util.List;

/**
 * The demo's accounts. Plain Java on purpose: the launcher prints this list without touching the server's classes.
 * Every demo account has the same password, {@link #PASSWORD}; none of them exists unless the demo is enabled.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "Laurel2026";

    /** username, role, display name, unit name (or null; for a campaign REVIEWER, the office it reviews for). */
    public record DemoAccount(String username, String role, String displayName, String unit) {
    }

    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("organiser", "ORGANISER", "县禁毒办（示例）", null),
            new DemoAccount("admin", "ADMIN", "平台管理员（示例）", null),
            new DemoAccount("citizen", "PUBLIC", "李晓梅（示例群众）", null),
            new DemoAccount("xidu", "UNIT_ADMIN", "西渡镇联络员（示例）", "西渡镇（示例）"),
            new DemoAccount("police", "UNIT_ADMIN", "县公安局联络员（示例）", "县公安局（示例）"),
            new DemoAccount("school", "UNIT_ADMIN", "县第一中学联络员（示例）", "县第一中学（示例）"),
            new DemoAccount("judge1", "JUDGE", "评委一（示例）", null),
            new DemoAccount("judge2", "JUDGE", "评委二（示例）", null),
            new DemoAccount("judge3", "JUDGE", "评委三（示例）", null),
            new DemoAccount("judge4", "JUDGE", "评委四（示例）", null),
            new DemoAccount("judge5", "JUDGE", "评委五（示例）", null),
            new DemoAccount("judge6", "JUDGE", "评委六（示例）", "县人民检察院（示例）"),
            new DemoAccount("judge7", "JUDGE", "评委七（示例）", null));

    /**
     * The campaign demo's accounts (seed 000): unit administrators of sample schools and county bureaus, and one
     * reviewer per responsible office, named after the office's pinyin initials.
     */
    public static final List<DemoAccount> CAMPAIGN = List.of(
            new DemoAccount("yy1z", "UNIT_ADMIN", "岳阳市第一中学联络员（示例）", "岳阳市第一中学（示例）"),
            new DemoAccount("yy14z", "UNIT_ADMIN", "岳阳市第十四中学联络员（示例）", "岳阳市第十四中学（示例）"),
            new DemoAccount("yyxjy", "UNIT_ADMIN", "岳阳县教育体育局联络员（示例）", "岳阳县教育体育局（示例）"),
            new DemoAccount("pjxjy", "UNIT_ADMIN", "平江县教育体育局联络员（示例）", "平江县教育体育局（示例）"),
            new DemoAccount("bgs", "REVIEWER", "办公室审核人（示例）", "办公室"),
            new DemoAccount("jjk", "REVIEWER", "基教科审核人（示例）", "基教科"),
            new DemoAccount("zck", "REVIEWER", "职成科审核人（示例）", "职成科"),
            new DemoAccount("mbk", "REVIEWER", "民办科审核人（示例）", "民办科"),
            new DemoAccount("aqk", "REVIEWER", "安全科审核人（示例）", "安全科"),
            new DemoAccount("xxk", "REVIEWER", "信息科审核人（示例）", "信息科"));

    private DemoAccounts() {
    }
}
