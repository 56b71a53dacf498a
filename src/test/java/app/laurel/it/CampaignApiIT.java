package app.laurel.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unit reports, the responsible office returns and then accepts, through the API and the real database. */
@ExtendWith(LaurelServerExtension.class)
class CampaignApiIT {

    @Test
    void reportReturnResubmitAcceptKeepsTheHistoryAndRefusalsChangeNothing(TestServer server, @TempDir Path dir) throws Exception {
        Api api = new Api(server);
        CampaignFixture f = new CampaignFixture(api);
        long safety = f.office("安全科");
        long info = f.office("信息科");
        String safetyReviewer = f.reviewer(safety);
        String infoReviewer = f.reviewer(info);
        String school = "测试学校" + f.code;
        String outsider = "未参加学校" + f.code;
        String schoolAdmin = f.unitAdmin(school);
        String outsiderAdmin = f.unitAdmin(outsider);
        f.enrol(school);
        String due = LocalDate.now().plusDays(10).toString();
        long meeting = f.task("开展禁毒主题活动", "\"安全科\"", null, null, null, due);
        long posts = f.task("发布禁毒宣传信息 4 条以上", "\"信息科\"", "AT_LEAST", 4, "条", due);

        String unitToken = api.token(schoolAdmin, CampaignFixture.PASSWORD);
        long photo = api.upload(TestFiles.png(dir, 320, 240), "宣传图片.png", unitToken).json()
                .getJsonObject("file").getJsonNumber("id").longValue();
        String report = f.path("/tasks/" + posts + "/report");

        Api.Reply notANumber = api.post(report, "{\"text\":\"已发布\",\"value\":\"四篇\",\"fileIds\":[" + photo + "]}", unitToken, null);
        assertEquals(400, notANumber.status(), notANumber.body());
        assertTrue(notANumber.body().contains("“四篇”不是数字"), notANumber.body());
        assertEquals(0, count(server, "select count(*) from task_report r join campaign_task t on t.id = r.task_id "
                + "join campaign c on c.id = t.campaign_id where c.code = ?", f.code));

        String outsiderToken = api.token(outsiderAdmin, CampaignFixture.PASSWORD);
        long outsiderPhoto = api.upload(TestFiles.png(dir, 200, 200), "外校.png", outsiderToken).json()
                .getJsonObject("file").getJsonNumber("id").longValue();
        Api.Reply notEnrolled = api.post(report, "{\"text\":\"我们也做了\",\"value\":\"9\",\"fileIds\":[" + outsiderPhoto + "]}",
                outsiderToken, null);
        assertEquals(403, notEnrolled.status(), notEnrolled.body());
        assertTrue(notEnrolled.body().contains("不在本专项行动的参与单位中"), notEnrolled.body());

        JsonObject first = api.post(report, "{\"text\":\"已发布 3 条\",\"value\":\"3\",\"fileIds\":[" + photo + "]}", unitToken, null).json();
        assertEquals("SUBMITTED", first.getString("status"));
        assertTrue(first.getBoolean("belowTarget"), "3 posts miss the target of ≥ 4");
        long reportId = first.getJsonNumber("id").longValue();
        String decision = f.path("/reports/" + reportId + "/decision");

        String safetyToken = api.token(safetyReviewer, CampaignFixture.PASSWORD);
        Api.Reply wrongOffice = api.post(decision, "{\"decision\":\"ACCEPT\"}", safetyToken, null);
        assertEquals(403, wrongOffice.status(), wrongOffice.body());
        assertTrue(wrongOffice.body().contains("由“信息科”负责审核"), wrongOffice.body());
        assertEquals(404, api.get("/api/v1/files/" + photo + "/content", safetyToken, null).status(), "another office does not see the evidence");

        String infoToken = api.token(infoReviewer, CampaignFixture.PASSWORD);
        JsonArray queue = api.get(f.path("/review-queue"), infoToken, null).structure().asJsonArray();
        assertEquals(1, queue.size());
        assertTrue(queue.getJsonObject(0).getBoolean("belowTarget"), "the reviewer sees the flag");
        assertEquals(200, api.get("/api/v1/files/" + photo + "/content", infoToken, null).status(), "the responsible office reads the evidence");
        Api.Reply noReason = api.post(decision, "{\"decision\":\"RETURN\"}", infoToken, null);
        assertEquals(400, noReason.status(), noReason.body());
        JsonObject returned = api.post(decision, "{\"decision\":\"RETURN\",\"reason\":\"不足 4 条，请补发后再报\"}", infoToken, null).json();
        assertEquals("RETURNED", returned.getString("status"));

        JsonObject mine = api.get(f.path("/my-tasks"), unitToken, null).structure().asJsonArray().getJsonObject(1);
        assertEquals("RETURNED", mine.getString("status"));
        assertEquals("不足 4 条，请补发后再报", mine.getJsonObject("report").getString("reason"));
        assertTrue(mine.getBoolean("mayReport"));

        JsonObject resubmitted = api.post(report, "{\"text\":\"已补发，共 5 条\",\"value\":\"５\",\"fileIds\":[" + photo + "]}", unitToken, null).json();
        assertEquals("SUBMITTED", resubmitted.getString("status"));
        assertFalse(resubmitted.getBoolean("belowTarget"));
        JsonObject accepted = api.post(decision, "{\"decision\":\"ACCEPT\"}", infoToken, null).json();
        assertEquals("ACCEPTED", accepted.getString("status"));
        Api.Reply afterAccept = api.post(report, "{\"text\":\"再改一次\",\"value\":\"6\"}", unitToken, null);
        assertEquals(409, afterAccept.status(), afterAccept.body());

        assertEquals(List.of("SUBMITTED 3.00 null", "RETURNED null 不足 4 条，请补发后再报", "SUBMITTED 5.00 null", "ACCEPTED null null"),
                history(server, reportId));
        assertEquals(2, count(server, "select count(*) from task_report_event_file ef join task_report_event e on e.id = ef.event_id "
                + "where e.report_id = ?", reportId), "each submission keeps its own evidence");

        JsonObject matrix = api.get(f.path("/matrix"), f.organiserToken, null).json();
        assertEquals(1, matrix.getJsonArray("units").size(), "only the enrolled unit is a row");
        JsonObject counts = matrix.getJsonObject("counts");
        assertEquals(1, counts.getInt("DONE"));
        assertEquals(1, counts.getInt("MISSING"));
        assertEquals(0, counts.getInt("OVERDUE"));
        JsonObject line = matrix.getJsonArray("units").getJsonObject(0);
        assertEquals(50, line.getInt("percent"));
        assertEquals("MISSING", line.getJsonArray("cells").getJsonObject(0).getString("status"));
        for (JsonObject office : matrix.getJsonArray("offices").getValuesAs(JsonObject.class)) {
            assertEquals(office.getString("name").equals("信息科") ? 100 : 0, office.getInt("percent"), office.toString());
        }
        assertEquals(1, api.get(f.path("/matrix?office=" + info), f.organiserToken, null).json().getJsonArray("tasks").size());
        assertEquals(0, api.get(f.path("/matrix?status=OVERDUE"), f.organiserToken, null).json().getJsonArray("units").size());

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(api.bytes(f.path("/matrix.xlsx"), f.organiserToken)))) {
            assertEquals(school, book.getSheetAt(0).getRow(3).getCell(0).getStringCellValue());
            assertEquals("已完成 5", book.getSheetAt(0).getRow(3).getCell(2).getStringCellValue());
        }
        long unitId = line.getJsonNumber("unitId").longValue();
        byte[] pdf = api.bytes(f.path("/units/" + unitId + "/summary.pdf"), f.organiserToken);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains(school) && text.contains("1/2"), text);
        }
        assertTrue(meeting > 0);
    }

    @Test
    void evidenceOfADisallowedTypeIsRefusedAndLeavesNoFileBehind(TestServer server, @TempDir Path dir) throws Exception {
        Api api = new Api(server);
        CampaignFixture f = new CampaignFixture(api);
        f.office("办公室");
        String school = "类型学校" + f.code;
        String admin = f.unitAdmin(school);
        f.enrol(school);
        long task = f.task("设立禁毒宣传橱窗", "\"办公室\"", null, null, null, LocalDate.now().plusDays(3).toString());
        String token = api.token(admin, CampaignFixture.PASSWORD);
        Path script = dir.resolve("宣传图片.png");
        Files.writeString(script, "#!/bin/sh\necho this is no picture\n");
        long filesBefore = TestFiles.storedFiles(server.storageDir());
        int rowsBefore = count(server, "select count(*) from stored_file where original_name = ?", "宣传图片.png");

        Api.Reply refused = api.upload(script, "宣传图片.png", token);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("不是允许的类型"), refused.body());
        assertEquals(filesBefore, TestFiles.storedFiles(server.storageDir()), "the refused file is deleted at once");
        assertEquals(rowsBefore, count(server, "select count(*) from stored_file where original_name = ?", "宣传图片.png"));

        long othersFile = api.upload(TestFiles.png(dir, 30, 30), "别人的.png", f.organiserToken).json().getJsonObject("file")
                .getJsonNumber("id").longValue();
        Api.Reply notMine = api.post(f.path("/tasks/" + task + "/report"), "{\"text\":\"见附件\",\"fileIds\":[" + othersFile + "]}",
                token, null);
        assertEquals(404, notMine.status(), "another person's file cannot be attached: " + notMine.body());
        assertEquals(0, count(server, "select count(*) from task_report where task_id = ?", task));
    }

    @Test
    void aTaskTargetAndItsOfficesAreReadAsThePageAndTheImportReadThem(TestServer server) throws Exception {
        Api api = new Api(server);
        CampaignFixture f = new CampaignFixture(api);
        f.office("安全科");
        f.office("信息科");
        String due = LocalDate.now().plusDays(5).toString();
        String countTasks = "select count(*) from campaign_task t join campaign c on c.id = t.campaign_id where c.code = ?";

        Api.Reply noValue = api.post(f.path("/tasks"), """
                {"text":"发布禁毒宣传信息","evidenceRequired":"查宣传图片","offices":["信息科"],"comparison":"AT_LEAST","due":"%s"}"""
                .formatted(due), f.organiserToken, null);
        assertEquals(400, noValue.status(), noValue.body());
        assertTrue(noValue.body().contains("选择了目标比较，请填写目标数值"), noValue.body());
        Api.Reply noComparison = api.post(f.path("/tasks"), """
                {"text":"发布禁毒宣传信息","evidenceRequired":"查宣传图片","offices":["信息科"],"target":4,"due":"%s"}"""
                .formatted(due), f.organiserToken, null);
        assertEquals(400, noComparison.status(), noComparison.body());
        assertTrue(noComparison.body().contains("请选择目标比较"), noComparison.body());
        assertEquals(0, count(server, countTasks, f.code), "a refused task is not stored");

        Api.Reply both = api.post(f.path("/tasks"), """
                {"text":"联合开展禁毒宣传","evidenceRequired":"查宣传图片","offices":["安全科、信息科"],"comparison":"≥",\
                "target":4,"targetUnit":"条","due":"%s"}""".formatted(due), f.organiserToken, null);
        assertEquals(201, both.status(), "one entry naming two offices, as a sheet cell may: " + both.body());
        assertEquals(List.of("安全科", "信息科"), both.json().getJsonArray("offices").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList());
        assertEquals("≥ 4 条", both.json().getString("targetLabel"));
        assertEquals(1, count(server, countTasks, f.code));
    }

    private static List<String> history(TestServer server, long reportId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement(
                "select kind, value, reason from task_report_event where report_id = ? order by id")) {
            q.setLong(1, reportId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getBigDecimal(2) + " " + r.getString(3));
                }
            }
        }
        return rows;
    }

    static int count(TestServer server, String sql, Object parameter) throws Exception {
        try (Connection db = server.connect(); PreparedStatement q = db.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
