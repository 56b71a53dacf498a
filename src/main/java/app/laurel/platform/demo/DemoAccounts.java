package app.laurel.platform.demo;

import java.util.List;

/**
 * The demo's accounts. Plain Java on purpose: the launcher prints this list without touching the server's classes.
 * Every demo account has the same password, {@link #PASSWORD}; none of them exists unless the demo is enabled.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "Laurel2026";

    /** username, role, display name, unit name (or null). */
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

    private DemoAccounts() {
    }
}
