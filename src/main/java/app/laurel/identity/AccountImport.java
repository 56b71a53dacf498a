package app.laurel.identity;

import app.laurel.platform.error.FieldError;
import app.laurel.platform.i18n.Text;
import app.laurel.platform.sheet.SheetRows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads units and their people from one sheet, as a county office keeps them (30 townships with their clerks): row 1
 * is the header, blank rows are skipped, the columns are
 * <pre>
 * A 单位名称  B 单位类型 (乡镇, 园区, 成员单位, 公检法单位, 学校, 其他; empty = 其他)  C 姓名  D 用户名
 * E 角色 (单位管理员, 评委, 科室审核人, 组委会)  F 手机  G 邮箱  H 初始密码
 * </pre>
 * A row with only A (and B) names a unit and creates it if new. A row with a username is an account, checked by the
 * same rules as the organiser's form ({@link AccountDetails}, {@link PasswordPolicy}). Every bad row is named with its
 * spreadsheet row number and column, and the result is all or nothing: errors mean the caller imports none of it.
 * Pure: what needs the database (usernames taken, roles the caller may give) is checked by {@link AccountService}.
 */
public final class AccountImport {

    public static final int MAX_ROWS = 500;
    public static final String KEYS = "accounts.import";
    private static final int COLUMNS = 8;

    /** One account to create, with the spreadsheet row it came from. */
    public record Row(int rowNo, AccountDetails details, Role role, String unitName, String password) {
    }

    /** The units named (with their type, first mention wins) and the good rows; any error means import none of it. */
    public record Result(Map<String, UnitType> units, List<Row> accounts, List<FieldError> errors) {
    }

    private AccountImport() {
    }

    public static Result read(String fileName, byte[] content) {
        return rows(SheetRows.read(fileName, content, COLUMNS, MAX_ROWS, KEYS));
    }

    /** Checks rows already split into cells; the first is the header. */
    public static Result rows(List<String[]> rows) {
        Map<String, UnitType> units = new LinkedHashMap<>();
        List<Row> accounts = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = Arrays.copyOf(rows.get(i), COLUMNS);
            if (Arrays.stream(cells).allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            int rowNo = i + 1;
            int before = errors.size();
            String unitName = cell(cells, 0);
            UnitType type = unitType(cell(cells, 1), rowNo, errors);
            if (unitName.length() > Unit.MAX_NAME) {
                errors.add(cellError(rowNo, "A", new Text("validation.length", 1, Unit.MAX_NAME)));
            }
            boolean unitOnly = Arrays.stream(cells, 2, COLUMNS).allMatch(c -> c == null || c.isBlank());
            if (unitOnly && unitName.isEmpty()) {
                errors.add(cellError(rowNo, "A", new Text("validation.required")));
            }
            Row account = unitOnly ? null : account(cells, rowNo, unitName, errors);
            String username = cell(cells, 3).toLowerCase(Locale.ROOT);
            if (!unitOnly && !username.isEmpty() && !usernames.add(username)) {
                errors.add(cellError(rowNo, "D", new Text("accounts.import.usernameTwice")));
            }
            if (errors.size() == before) {
                if (!unitName.isEmpty()) {
                    units.putIfAbsent(unitName, type);
                }
                if (account != null) {
                    accounts.add(account);
                }
            }
        }
        if (units.isEmpty() && accounts.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("file", "accounts.import.empty"));
        }
        // The good rows come back with the errors, so the database's checks can name their problems in the same answer.
        return new Result(units, accounts, List.copyOf(errors));
    }

    /** A refusal of one cell: "第 3 行 F 列（手机）：请输入 11 位手机号码。" */
    static FieldError cellError(int rowNo, String column, Text problem) {
        return new FieldError("row" + rowNo, "accounts.import.cell", rowNo, column, new Text("accounts.import.column." + column), problem);
    }

    private static Row account(String[] cells, int rowNo, String unitName, List<FieldError> errors) {
        AccountDetails details = AccountDetails.normalised(cell(cells, 3), cell(cells, 2), cell(cells, 5), cell(cells, 6));
        List<FieldError> found = new ArrayList<>(details.validate(false));
        Role role = role(cell(cells, 4));
        if (role == null) {
            found.add(new FieldError("role", cell(cells, 4).isEmpty() ? "validation.required" : "accounts.import.badRole"));
        } else if (role == Role.UNIT_ADMIN && unitName.isEmpty()) {
            found.add(new FieldError("unitName", "accounts.import.unitRequired"));
        }
        String password = cell(cells, 7);
        found.addAll(PasswordPolicy.check("initialPassword", password.isEmpty() ? null : password, null, details.username()));
        found.forEach(e -> errors.add(cellError(rowNo, COLUMN_OF.getOrDefault(e.field(), "D"), new Text(e.messageKey(), e.args()))));
        return found.isEmpty() ? new Row(rowNo, details, role, unitName.isEmpty() ? null : unitName, password) : null;
    }

    private static final Map<String, String> COLUMN_OF = Map.of("unitName", "A", "displayName", "C", "username", "D",
            "role", "E", "phone", "F", "email", "G", "initialPassword", "H");

    /** The roles an import may give, by the names people write (the page's Chinese labels, or the codes). */
    private static final Map<String, Role> ROLES = new HashMap<>();
    private static final Map<String, UnitType> TYPES = new HashMap<>();

    static {
        ROLES.put("单位管理员", Role.UNIT_ADMIN);
        ROLES.put("评委", Role.JUDGE);
        ROLES.put("科室审核人", Role.REVIEWER);
        ROLES.put("审核人", Role.REVIEWER);
        ROLES.put("组委会", Role.ORGANISER);
        ROLES.put("UNIT_ADMINISTRATOR", Role.UNIT_ADMIN);
        for (Role role : List.of(Role.UNIT_ADMIN, Role.JUDGE, Role.REVIEWER, Role.ORGANISER)) {
            ROLES.put(role.name(), role);
        }
        TYPES.put("乡镇", UnitType.TOWNSHIP);
        TYPES.put("园区", UnitType.PARK);
        TYPES.put("成员单位", UnitType.MEMBER);
        TYPES.put("公检法", UnitType.POLITICAL_LEGAL);
        TYPES.put("公检法单位", UnitType.POLITICAL_LEGAL);
        TYPES.put("学校", UnitType.SCHOOL);
        TYPES.put("其他", UnitType.OTHER);
        for (UnitType type : UnitType.values()) {
            TYPES.put(type.name(), type);
        }
    }

    private static Role role(String text) {
        return ROLES.get(text.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    private static UnitType unitType(String text, int rowNo, List<FieldError> errors) {
        if (text.isEmpty()) {
            return UnitType.OTHER;
        }
        UnitType type = TYPES.get(text.toUpperCase(Locale.ROOT).replace(' ', '_'));
        if (type == null) {
            errors.add(cellError(rowNo, "B", new Text("accounts.import.badUnitType")));
        }
        return type;
    }

    private static String cell(String[] cells, int i) {
        return cells[i] == null ? "" : cells[i].strip();
    }
}
