package app.laurel.it;

import app.laurel.demo.CampaignSeed;
import jakarta.json.JsonObject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's 14 tasks imported from a workbook made here with POI; a workbook with bad rows imports nothing. */
@ExtendWith(LaurelServerExtension.class)
class CampaignImportIT {

    private static final String[] HEADER = {"序号", "具体任务", "考核内容", "责任科室", "目标比较", "目标数值", "单位", "截止日期"};

    @Test
    void theSeedsFourteenTasksImportFromExcelAndABadSheetImportsNothing(TestServer server) throws Exception {
        Api api = new Api(server);
        CampaignFixture f = new CampaignFixture(api);
        for (String office : CampaignSeed.OFFICES) {
            f.office(office);
        }
        List<String[]> rows = new ArrayList<>();
        for (String[] task : CampaignSeed.TASKS) {
            String[] row = java.util.Arrays.copyOf(task, 8);
            row[7] = "2020-11-02";
            rows.add(row);
        }
        Api.Reply imported = importSheet(server, f, "任务清单.xlsx", xlsx(rows));
        assertEquals(201, imported.status(), imported.body());
        assertEquals(14, imported.json().getInt("imported"));

        JsonObject campaign = api.get(f.path(""), f.organiserToken, null).json();
        var tasks = campaign.getJsonArray("tasks");
        assertEquals(14, tasks.size());
        assertEquals("党委中心组开展禁毒专题学习", tasks.getJsonObject(0).getString("text"));
        assertEquals("会议记录", tasks.getJsonObject(0).getString("evidenceRequired"));
        assertEquals("≥ 4 条", tasks.getJsonObject(4).getString("targetLabel"));
        assertEquals("≥ 5 条", tasks.getJsonObject(7).getString("targetLabel"));
        assertEquals("= 100 %", tasks.getJsonObject(8).getString("targetLabel"));
        assertEquals(List.of("基教科", "职成科", "民办科"), tasks.getJsonObject(8).getJsonArray("offices")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("2020-11-02T15:59:59.999Z", tasks.getJsonObject(13).getString("due"), "the whole due day counts, in China");

        List<String[]> bad = new ArrayList<>(rows.subList(0, 4));
        bad.get(1)[5] = "四";
        bad.get(1)[4] = "≥";
        bad.get(3)[3] = "教务科";
        Api.Reply refused = importSheet(server, f, "有错的清单.xlsx", xlsx(bad));
        assertEquals(400, refused.status(), refused.body());
        String messages = refused.json().getJsonArray("fields").toString();
        assertTrue(messages.contains("第 3 行：目标数值“四”不是数字。"), messages);
        assertTrue(messages.contains("第 5 行：责任科室“教务科”不存在。"), messages);
        assertEquals(14, api.get(f.path(""), f.organiserToken, null).json().getJsonArray("tasks").size(),
                "nothing of the bad sheet was imported");
        assertEquals(14, CampaignApiIT.count(server, "select count(*) from campaign_task t join campaign c on c.id = t.campaign_id"
                + " where c.code = ?", f.code));

        Api.Reply notASheet = importSheet(server, f, "清单.xlsx", "这不是工作簿".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, notASheet.status());
        assertTrue(notASheet.body().contains("无法读取这个文件"), notASheet.body());
    }

    @Test
    void theDemoLoadsTheSeedsCampaign(TestServer server) throws Exception {
        Api api = new Api(server);
        JsonObject demo = api.get("/api/v1/campaigns/" + CampaignSeed.CODE, api.token("organiser", "Laurel2026"), null).json();
        assertEquals(CampaignSeed.DOCUMENT_NO, demo.getString("documentNo"));
        assertEquals(14, demo.getJsonArray("tasks").size());
        assertEquals(3, demo.getJsonArray("phases").size());
        assertEquals(6, demo.getJsonArray("offices").size());
        assertEquals(List.of("jjk"), demo.getJsonArray("offices").getJsonObject(1).getJsonArray("reviewers")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }

    private static Api.Reply importSheet(TestServer server, CampaignFixture f, String name, byte[] content)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + f.path("/tasks/import?fileName="
                        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))))
                .header("Authorization", "Bearer " + f.organiserToken).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Api.Reply(response.statusCode(), response.body(), response);
    }

    private static byte[] xlsx(List<String[]> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("任务清单");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                String[] cells = rows.get(r);
                for (int c = 0; c < cells.length; c++) {
                    if (c == 5 && cells[c] != null && cells[c].matches("\\d+")) {
                        row.createCell(c).setCellValue(Integer.parseInt(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(cells[c] == null ? "" : cells[c]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
