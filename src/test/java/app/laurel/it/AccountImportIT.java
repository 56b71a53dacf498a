package app.laurel.it;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county office's set-up on a laptop (issue 14, bulk work): thirty townships with their clerks come in from one
 * workbook, and a clerk can log in at once; a workbook with one bad row imports nothing and names the row and cell,
 * on the page and through the API.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class AccountImportIT {

    private static final String[] HEADER = {"单位名称", "单位类型", "姓名", "用户名", "角色", "手机", "邮箱", "初始密码"};
    private static final String PASSWORD = "Laurel-2026x";
    private static final String PATH = "/api/v1/accounts/import?fileName=";
    private static final String OCTETS = "application/octet-stream";

    @Test
    void thirtyTownshipsAndTheirClerksComeInFromOneWorkbookOrNotAtAll(TestServer server, WebDriver browser,
                                                                      @TempDir Path dir) throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rows.add(new String[]{"导入镇" + run + "-" + i, "乡镇", "文书" + i, "clerk-" + run + "-" + i, "单位管理员",
                    "1380000" + String.format("%04d", i), "", PASSWORD});
        }
        rows.add(new String[]{"导入中学" + run, "学校", null, null, null, null, null, null});
        Path good = Files.write(dir.resolve("townships.xlsx"), xlsx(rows));

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Journey.laptop(browser);
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        browser.get(server.baseUrl() + "/organiser/accounts.xhtml");
        browser.findElement(By.id("import:sheet")).sendKeys(good.toString());
        browser.findElement(By.id("import:upload")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已导入：新建单位 31 个，账号 30 个"));
        Journey.check(browser, "organiser-accounts-imported");
        assertEquals(30, count(server, "select count(*) from account a join unit u on u.id = a.unit_id"
                + " where a.username like ? and u.unit_type = 'TOWNSHIP'", "clerk-" + run + "-%"));
        assertEquals(1, count(server, "select count(*) from unit where name = ? and unit_type = 'SCHOOL'", "导入中学" + run));
        Api api = new Api(server);
        assertTrue(api.token("clerk-" + run + "-17", PASSWORD).startsWith("lrl_"), "a clerk logs in with the sheet's password");

        String later = run + "b";
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[]{"导入镇" + later, "乡镇", "文书", "clerk-" + later + "-1", "单位管理员", "13800001234", "", PASSWORD});
        bad.add(new String[]{"导入镇" + later + "-2", "乡镇", "文书", "clerk-" + later + "-2", "单位管理员", "1380000", "", PASSWORD});
        bad.add(new String[]{"导入镇" + later + "-3", "乡镇", "文书", "clerk-" + run + "-3", "单位管理员", "13800001235", "", PASSWORD});
        Path wrong = Files.write(dir.resolve("one-bad-row.xlsx"), xlsx(bad));
        browser.findElement(By.id("import:sheet")).sendKeys(wrong.toString());
        browser.findElement(By.id("import:upload")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "第 3 行 F 列（手机）"));
        String said = browser.findElement(By.id("messages")).getText();
        assertTrue(said.contains("第 3 行 F 列（手机）：请输入 11 位中国大陆手机号码。"), said);
        assertTrue(said.contains("第 4 行 D 列（用户名）：该用户名已被使用"), said);
        assertEquals(0, count(server, "select count(*) from account where username like ?", "clerk-" + later + "-%"),
                "one bad row: nothing imported");
        assertEquals(0, count(server, "select count(*) from unit where name like ?", "导入镇" + later + "%"));

        Api.Reply refused = api.postBytes(PATH + "one-bad-row.xlsx", OCTETS, Files.readAllBytes(wrong), api.token("organiser", "Laurel2026"));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"row3\"") && refused.body().contains("\"row4\""), refused.body());
        Api.Reply judge = api.postBytes(PATH + "townships.xlsx", OCTETS, Files.readAllBytes(good), api.token("judge1", "Laurel2026"));
        assertEquals(403, judge.status(), "only organisers import accounts");
    }

    private static int count(TestServer server, String sql, String parameter) throws Exception {
        try (Connection db = server.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static byte[] xlsx(List<String[]> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("单位和账号");
            List<String[]> all = new ArrayList<>();
            all.add(HEADER);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).length; c++) {
                    row.createCell(c).setCellValue(all.get(r)[c] == null ? "" : all.get(r)[c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
