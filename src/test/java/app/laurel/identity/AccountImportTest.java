package app.laurel.identity;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountImportTest {

    private static final String[] HEADER = {"单位名称", "单位类型", "姓名", "用户名", "角色", "手机", "邮箱", "初始密码"};

    @Test
    void townshipsWithTheirClerksAndAUnitOnlyRow() {
        AccountImport.Result read = AccountImport.rows(List.of(HEADER,
                new String[]{"城关镇", "乡镇", "王芳", "cgz-admin", "单位管理员", "13800001111", "", "Laurel-2026a"},
                new String[]{"", "", "", "", "", "", "", ""},
                new String[]{"县一中", "学校", null, null, null, null, null, null},
                new String[]{"", "", "李评", "judge-li", "评委", "", "li@example.cn", "Laurel-2026b"}));
        assertEquals(List.of(), read.errors());
        assertEquals(UnitType.TOWNSHIP, read.units().get("城关镇"));
        assertEquals(UnitType.SCHOOL, read.units().get("县一中"));
        assertEquals(List.of("cgz-admin", "judge-li"), read.accounts().stream().map(r -> r.details().username()).toList());
        assertEquals(Role.UNIT_ADMIN, read.accounts().get(0).role());
        assertEquals("城关镇", read.accounts().get(0).unitName());
        assertEquals(null, read.accounts().get(1).unitName());
    }

    @Test
    void oneBadRowImportsNothingAndEveryBadCellIsNamed() {
        AccountImport.Result read = AccountImport.rows(List.of(HEADER,
                new String[]{"城关镇", "乡镇", "王芳", "cgz-admin", "单位管理员", "13800001111", "", "Laurel-2026a"},
                new String[]{"西渡镇", "镇子", "张三", "xd-admin", "单位管理员", "12345", "", "Laurel-2026c"},
                new String[]{"", "", "赵四", "cgz-admin", "管理员", "", "", "short"}));
        assertEquals(List.of("cgz-admin"), read.accounts().stream().map(r -> r.details().username()).toList(),
                "the good row comes back for the database's checks; the errors say import none of it");
        List<String> said = read.errors().stream()
                .map(e -> Messages.text(Messages.CHINESE, e.messageKey(), e.args())).toList();
        assertEquals("第 3 行 B 列（单位类型）：无法识别，请填 乡镇、园区、成员单位、公检法单位、学校 或 其他。", said.get(0));
        assertEquals("第 3 行 F 列（手机）：请输入 11 位中国大陆手机号码。", said.get(1));
        assertTrue(said.stream().anyMatch(s -> s.startsWith("第 4 行 E 列（角色）：无法识别")), said.toString());
        assertTrue(said.stream().anyMatch(s -> s.startsWith("第 4 行 H 列（初始密码）：密码长度应为")), said.toString());
        assertTrue(said.contains("第 4 行 D 列（用户名）：文件中已有同一用户名的另一行。"), said.toString());
        assertEquals(List.of("row3", "row4"), read.errors().stream().map(FieldError::field).distinct().toList());
        assertTrue(Messages.text(Locale.ENGLISH, read.errors().get(1).messageKey(), read.errors().get(1).args())
                .startsWith("Row 3, column F (mobile): Enter an 11-digit"));
    }

    @Test
    void aUnitAdministratorNeedsAUnitAndAnEmptyFileIsRefused() {
        AccountImport.Result read = AccountImport.rows(List.of(HEADER,
                new String[]{"", "", "王芳", "lonely", "单位管理员", "", "", "Laurel-2026a"}));
        assertEquals("第 2 行 A 列（单位名称）：单位管理员必须填写单位名称（A 列）。",
                Messages.text(Messages.CHINESE, read.errors().get(0).messageKey(), read.errors().get(0).args()));
        assertEquals("accounts.import.empty", AccountImport.rows(List.<String[]>of(HEADER)).errors().get(0).messageKey());
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> AccountImport.read("units.txt", "a,b".getBytes(StandardCharsets.UTF_8)));
        assertEquals("accounts.import.format", refused.errors().get(0).messageKey());
    }

    @Test
    void aCsvSavedByChineseExcelIsRead() {
        byte[] gbk = ("单位名称,单位类型\r\n城关镇,乡镇\r\n").getBytes(java.nio.charset.Charset.forName("GBK"));
        assertEquals(UnitType.TOWNSHIP, AccountImport.read("units.csv", gbk).units().get("城关镇"));
    }
}
