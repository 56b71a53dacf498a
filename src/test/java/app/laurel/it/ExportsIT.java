package app.laurel.it;

import jakarta.json.JsonObject;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organiser takes a contest out of Laurel: the entry register with the authors' phones, the units' quota status,
 * the score sheet and the entries' files as one ZIP. Each file is opened as Excel or unzipped, and what it holds is
 * held against the database and the stored files themselves; an empty contest still gives valid, empty files, and
 * nobody but organisers and administrators gets any of them.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class ExportsIT {

    private static final String PASSWORD = RoundFixture.PASSWORD;
    private static final String STORY = "<p>老周是社区禁毒专干，二十年来走访了上百户家庭。</p>";
    private static final DataFormatter CELLS = new DataFormatter();

    @TempDir
    Path dir;

    @Test
    void everyExportHoldsWhatTheDatabaseHoldsAndTheZipEveryStoredFile(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        String code = contest(api, organiser);
        long category = ContestFixture.category(api, code, 0);
        RoundFixture.Township township = RoundFixture.township(api, server, organiser, code);
        RoundFixture.township(api, server, organiser, code); // enrolled, nothing submitted: below its minimum
        String member = "导出测试单位" + Api.uniqueName("").substring(0, 6);
        String memberAdmin = Api.uniqueName("exm");
        RoundFixture.account(api, organiser, memberAdmin, "UNIT_ADMIN", member);
        server.enrol(code, member);

        String unitToken = api.token(memberAdmin, PASSWORD);
        long byUnit = entry(api, unitToken, """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"单位报送的故事","bodyHtml":"%s","authorName":"王警官",
                 "authorPhone":"13900001111","originalityDeclared":true,"displayConsent":true}""".formatted(code, category, STORY),
                Map.of(upload(api, TestFiles.docx(dir, "禁毒故事正文"), "禁毒故事.docx", unitToken), "ATTACHMENT",
                        upload(api, TestFiles.png(dir, 40, 30), "照片.png", unitToken), "IMAGE",
                        upload(api, TestFiles.png(dir, 41, 30), "照片.png", unitToken), "IMAGE"));
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long naming = entry(api, citizen, """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"镇上的故事","bodyHtml":"%s","townshipId":%d,
                 "originalityDeclared":true,"displayConsent":true}""".formatted(code, category, STORY, township.id()),
                Map.of(upload(api, TestFiles.pdf(dir, "证明材料"), "../..\\\\证明材料.pdf", citizen), "ATTACHMENT"));
        assertEquals(200, api.post("/api/v1/recommendations/" + code + "/" + naming, "", api.token(township.admin(), PASSWORD), null).status());
        String filmmaker = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long video = entry(api, filmmaker, """
                {"contest":"%s","type":"VIDEO","categoryId":%d,"title":"禁毒微电影","originalityDeclared":true,"displayConsent":true}"""
                .formatted(code, category), Map.of(upload(api, TestFiles.mp4(dir, 5), "微电影.mp4", filmmaker), "VIDEO"));
        String other = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long returned = entry(api, other, """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"退回的故事","bodyHtml":"%s","originalityDeclared":true,
                 "displayConsent":true}""".formatted(code, category, STORY), Map.of(upload(api, TestFiles.png(dir, 50, 50), "图.png", other), "IMAGE"));
        Api.Reply draft = api.post("/api/v1/entries", """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"草稿"}""".formatted(code, category), other, null);
        assertEquals(201, draft.status(), draft.body());
        for (long accepted : List.of(byUnit, naming, video)) {
            RoundFixture.accept(api, organiser, code, accepted);
        }
        assertEquals(200, api.post("/api/v1/screening/" + code + "/entries/" + returned + "/decision",
                "{\"decision\":\"RETURN\",\"reason\":\"请补充图片说明\"}", organiser, null).status());
        long round = judgeAndFinalise(api, server, organiser, code);

        try (Connection db = server.connect()) {
            long contestId = number(db, "select id from contest where code = ?", code);
            Map<Long, String> receipts = new HashMap<>();
            for (long id : List.of(byUnit, naming, video, returned)) {
                receipts.put(id, text(db, "select receipt_no from entry where id = ?", id));
            }

            try (XSSFWorkbook book = xlsx(api.bytes("/api/v1/contests/" + code + "/exports/entries.xlsx", organiser))) {
                Sheet sheet = book.getSheetAt(0);
                assertEquals("回执编号", cell(sheet.getRow(0), 0));
                assertEquals(number(db, "select count(*) from entry where contest_id = ? and status <> 'DRAFT'", contestId),
                        sheet.getLastRowNum(), "one row per entry but the draft, under the header");
                Map<String, Row> byReceipt = rows(sheet, 0);
                Row unitRow = byReceipt.get(receipts.get(byUnit));
                assertEquals(List.of("单位报送的故事", "文字故事", member, "王警官", "13900001111"),
                        List.of(cell(unitRow, 1), cell(unitRow, 3), cell(unitRow, 6), cell(unitRow, 8), cell(unitRow, 9)));
                assertEquals(township.name(), cell(byReceipt.get(receipts.get(naming)), 7));
                assertEquals("个人投稿", cell(byReceipt.get(receipts.get(video)), 6));
                assertEquals("退回修改", cell(byReceipt.get(receipts.get(returned)), 4));
                assertEquals("请补充图片说明", cell(byReceipt.get(receipts.get(returned)), 5));
                assertEquals(number(db, "select count(*) from entry where contest_id = ? and status = 'WINNER'", contestId),
                        byReceipt.values().stream().filter(r -> cell(r, 4).equals("获奖")).count());
                assertTrue(unitRow.getCell(11).getLocalDateTimeCellValue() != null, "the submission time is a date cell");
            }

            try (XSSFWorkbook book = xlsx(api.bytes("/api/v1/contests/" + code + "/exports/quotas.xlsx", organiser))) {
                Sheet sheet = book.getSheetAt(0);
                assertEquals(number(db, "select count(*) from contest_unit where contest_id = ?", contestId), sheet.getLastRowNum());
                int submitted = 0;
                for (Row row : rows(sheet, 0).values()) {
                    long unitId = number(db, "select id from unit where name = ?", cell(row, 0));
                    long counted = number(db, "select count(*) from entry where contest_id = ? and status in"
                            + " ('SUBMITTED','ACCEPTED','RETURNED','WINNER') and (unit_id = ? or (township_id = ? and recommended_at is not null))",
                            contestId, unitId, unitId);
                    assertEquals(counted, (long) row.getCell(4).getNumericCellValue(), cell(row, 0));
                    assertEquals(counted < (long) row.getCell(3).getNumericCellValue() ? "是" : "否", cell(row, 7), cell(row, 0));
                    submitted += (int) row.getCell(4).getNumericCellValue();
                }
                assertEquals(List.of("1", "1", "1", "否"), List.of(cell(rows(sheet, 0).get(township.name()), 4),
                        cell(rows(sheet, 0).get(township.name()), 5), cell(rows(sheet, 0).get(township.name()), 6),
                        cell(rows(sheet, 0).get(township.name()), 7)), "the township's recommended citizen's entry counts");
                assertEquals(2, submitted, "the unit's own entry and the township's recommended one");
                assertEquals(1, rows(sheet, 0).values().stream().filter(r -> cell(r, 7).equals("是")).count());
            }

            try (XSSFWorkbook book = xlsx(api.bytes("/api/v1/rounds/" + round + "/scores.xlsx", organiser))) {
                Sheet summary = book.getSheetAt(0);
                Map<String, Row> byCode = rows(summary, 1);
                Row header = summary.getRow(2);
                int titleColumn = header.getLastCellNum() - 2;
                assertEquals(List.of("作品标题", "报送单位"), List.of(cell(header, titleColumn), cell(header, titleColumn + 1)));
                String unitCode = text(db, "select re.code from round_entry re where re.round_id = ? and re.entry_id = ?", round, byUnit);
                assertEquals(List.of("单位报送的故事", member), List.of(cell(byCode.get(unitCode), titleColumn),
                        cell(byCode.get(unitCode), titleColumn + 1)), "the organiser's sheet names the entry and its unit");
                assertEquals(3, byCode.size());
                for (int s = 1; s < book.getNumberOfSheets(); s++) {
                    Sheet judge = book.getSheetAt(s);
                    String username = cell(judge.getRow(0), 1);
                    double total = 0;
                    for (int r = 2; r <= judge.getLastRowNum(); r++) {
                        total += judge.getRow(r).getCell(5).getNumericCellValue();
                    }
                    assertEquals(number(db, "select sum(s.total_half_points) from scorecard s join account a on a.id = s.judge_id"
                            + " join round_entry re on re.id = s.round_entry_id where re.round_id = ? and a.username = ?"
                            + " and s.status = 'SUBMITTED'", round, username) / 2.0, total, username + "'s totals");
                }
            }

            String filesSql = "select e.id, f.id, f.sha256, f.original_name from entry_file ef join entry e on e.id = ef.entry_id"
                    + " join stored_file f on f.id = ef.file_id where e.contest_id = ? and e.status in ";
            String token = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes())).substring(0, 32);
            Map<String, String> all = unzip(api.bytes("/api/v1/contests/" + code + "/exports/files.zip?token=" + token, organiser));
            List<String[]> stored = files(db, filesSql + "('SUBMITTED','ACCEPTED','RETURNED','REJECTED','WINNER','DISQUALIFIED')", contestId);
            assertEquals(6, stored.size());
            assertEquals(sorted(stored.stream().map(f -> f[2])), sorted(all.values().stream()), "every stored file, byte for byte");
            for (String[] file : stored) {
                assertEquals(file[2], TestFiles.sha256(server.storedFile(Long.parseLong(file[1]))), "the database's SHA-256 is the disk's");
            }
            String unitFolder = member + "/" + receipts.get(byUnit) + "/";
            assertTrue(all.keySet().containsAll(List.of(unitFolder + "禁毒故事.docx", unitFolder + "照片.png", unitFolder + "照片 (2).png",
                    township.name() + "/" + receipts.get(naming) + "/_.._证明材料.pdf", "个人投稿/" + receipts.get(video) + "/微电影.mp4",
                    "个人投稿/" + receipts.get(returned) + "/图.png")), all.keySet().toString());
            JsonObject progress = api.get("/api/v1/contests/" + code + "/exports/progress/" + token, organiser, null).json();
            assertEquals(List.of("DONE", 6, 6, 100), List.of(progress.getString("stage"), progress.getInt("filesDone"),
                    progress.getInt("filesTotal"), progress.getInt("percent")), progress.toString());
            assertEquals(number(db, "select sum(f.size_bytes) from entry_file ef join entry e on e.id = ef.entry_id join stored_file f"
                    + " on f.id = ef.file_id where e.contest_id = ? and e.status <> 'DRAFT'", contestId), progress.getJsonNumber("bytesTotal").longValue());
            assertEquals("WAITING", api.get("/api/v1/contests/" + code + "/exports/progress/" + token, api.token("admin", "Laurel2026"), null)
                    .json().getString("stage"), "another account does not see this download");

            Map<String, String> accepted = unzip(api.bytes("/api/v1/contests/" + code + "/exports/files.zip?only=accepted", organiser));
            assertEquals(sorted(files(db, filesSql + "('ACCEPTED','WINNER')", contestId).stream().map(f -> f[2])), sorted(accepted.values().stream()));
            assertEquals(5, accepted.size(), "the returned entry's picture is left out");
            Map<String, String> winners = unzip(api.bytes("/api/v1/contests/" + code + "/exports/files.zip?only=WINNERS", organiser));
            List<String[]> won = files(db, filesSql + "('WINNER')", contestId);
            assertEquals(sorted(won.stream().map(f -> f[2])), sorted(winners.values().stream()));
            assertTrue(!won.isEmpty() && won.size() < accepted.size(), "two of three accepted entries won");
        }
    }

    @Test
    void anEmptyContestGivesValidEmptyFilesAndOnlyOrganisersGetAny(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        String code = RoundFixture.contest(api, organiser, "空活动").code();
        String exports = "/api/v1/contests/" + code + "/exports/";

        try (XSSFWorkbook entries = xlsx(api.bytes(exports + "entries.xlsx", organiser));
             XSSFWorkbook quota = xlsx(api.bytes(exports + "quotas.xlsx", api.token("admin", "Laurel2026")))) {
            assertEquals(0, entries.getSheetAt(0).getLastRowNum(), "the header row alone");
            assertEquals("作者电话", cell(entries.getSheetAt(0).getRow(0), 9));
            assertEquals(0, quota.getSheetAt(0).getLastRowNum());
            assertEquals("未达最少", cell(quota.getSheetAt(0).getRow(0), 7));
        }
        for (String only : List.of("ALL", "ACCEPTED", "WINNERS")) {
            byte[] zip = api.bytes(exports + "files.zip?only=" + only + "&token=00112233445566778899aabbccddeeff", organiser);
            assertEquals(22, zip.length, "an empty ZIP is its end record alone");
            assertTrue(unzip(zip).isEmpty());
        }
        assertEquals("DONE", api.get(exports + "progress/00112233445566778899aabbccddeeff", organiser, null).json().getString("stage"));
        CampaignFixture campaign = new CampaignFixture(api);
        try (XSSFWorkbook matrix = xlsx(api.bytes(campaign.path("/matrix.xlsx"), organiser))) {
            assertEquals(2, matrix.getSheetAt(0).getLastRowNum(), "title, header and due dates, no unit");
            assertEquals(0, matrix.getSheetAt(1).getLastRowNum(), "the offices' header alone");
        }

        String judge = Api.uniqueName("exj");
        RoundFixture.account(api, organiser, judge, "JUDGE", null);
        List<String> others = List.of(api.token(api.registerCitizen(PASSWORD), PASSWORD), api.token("xidu", "Laurel2026"),
                api.token(judge, PASSWORD));
        for (String path : List.of("entries.xlsx", "quotas.xlsx", "files.zip", "files.zip?only=WINNERS", "progress/00112233445566778899aabbccddeeff")) {
            for (String token : others) {
                assertEquals(403, api.get(exports + path, token, null).status(), path + ": the authors' phones are for organisers");
            }
            assertEquals(401, api.get(exports + path, null, null).status(), path);
        }
        assertEquals(404, api.get("/api/v1/contests/NOSUCH99/exports/entries.xlsx", organiser, null).status());
        assertEquals(400, api.get(exports + "files.zip?only=LOSERS", organiser, null).status());
        assertEquals(400, api.get(exports + "files.zip?token=../x", organiser, null).status());
    }

    @Test
    void overAThousandEntriesAreReadInPagesNotAStatementPerRow(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "大量导出");
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        Path picture = TestFiles.png(dir, 60, 40);
        long original = entry(api, citizen, """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"被复制的故事","bodyHtml":"%s","originalityDeclared":true,
                 "displayConsent":true}""".formatted(contest.code(), contest.category(), STORY),
                Map.of(upload(api, picture, "图片.png", citizen), "IMAGE"));
        RoundFixture.accept(api, organiser, contest.code(), original);
        String exports = "/api/v1/contests/" + contest.code() + "/exports/";
        long entriesOfOne = counted(server, api, exports + "entries.xlsx", organiser);
        long zipOfOne = counted(server, api, exports + "files.zip?only=ACCEPTED", organiser);

        BulkEntries.copy(server, original, 1100); // past one page of 1,000 rows
        long entriesOfMany = counted(server, api, exports + "entries.xlsx", organiser);
        long zipOfMany = counted(server, api, exports + "files.zip?only=ACCEPTED", organiser);
        assertTrue(entriesOfMany <= entriesOfOne + 2 && zipOfMany <= zipOfOne + 2, "a page of rows a statement: 1 entry → "
                + entriesOfOne + " and " + zipOfOne + " statements, 1,101 → " + entriesOfMany + " and " + zipOfMany);
        try (XSSFWorkbook book = xlsx(api.bytes(exports + "entries.xlsx", organiser))) {
            assertEquals(1101, book.getSheetAt(0).getLastRowNum());
            assertEquals(1101, rows(book.getSheetAt(0), 0).size(), "every receipt once, across the pages");
        }
        Map<String, String> zip = unzip(api.bytes(exports + "files.zip?only=ACCEPTED", organiser));
        assertEquals(1101, zip.size());
        assertEquals(Set.of(TestFiles.sha256(picture)), Set.copyOf(zip.values()));
    }

    /** The statements the server sent for a GET of {@code path}, read from its log by a probe parameter. */
    private static long counted(TestServer server, Api api, String path, String token) throws Exception {
        String probe = Api.uniqueName("p");
        api.bytes(path + (path.contains("?") ? "&" : "?") + "probe=" + probe, token);
        return StatementCountIT.statements(server, probe);
    }

    @Test
    void theExportsPageOnALaptopOffersEveryExportAndFollowsTheZipToTheEnd(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser, "导出页面测试");
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        Path pdf = TestFiles.pdf(dir, "页面测试材料");
        long entry = entry(api, citizen, """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"页面上的故事","bodyHtml":"%s","originalityDeclared":true,
                 "displayConsent":true}""".formatted(contest.code(), contest.category(), STORY),
                Map.of(upload(api, pdf, "材料.pdf", citizen), "ATTACHMENT"));
        RoundFixture.accept(api, organiser, contest.code(), entry);
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        ((HasCdp) browser).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        Journey.laptop(browser);
        PageActions.logIn(browser, server, "organiser", "Laurel2026");
        browser.get(server.baseUrl() + "/organiser/exports.xhtml?code=" + contest.code());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("zipALL")));
        for (String id : List.of("entriesXlsx", "quotaXlsx", "zipALL", "zipACCEPTED", "zipWINNERS", "prizesXlsx")) {
            assertTrue(browser.findElement(By.id(id)).isDisplayed(), id);
        }
        assertTrue(browser.findElement(By.id("fileExports")).getText().contains("1 个文件"), browser.findElement(By.id("fileExports")).getText());
        browser.findElement(By.id("zipALL")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("zipProgress"), "data-stage", "DONE"));
        assertEquals("100", browser.findElement(By.id("zipBar")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("zipProgressText")).getText().startsWith("打包完成：1 个文件"),
                browser.findElement(By.id("zipProgressText")).getText());
        Journey.check(browser, "exports-laptop");
        Journey.phone(browser);
        Journey.check(browser, "exports-phone"); // organiser pages stay readable on a phone

        Path zip = new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        assertEquals(List.of(TestFiles.sha256(pdf)), List.copyOf(unzip(Files.readAllBytes(zip)).values()), "the browser saved the whole ZIP");
    }

    /** A contest open for stories and videos now, with one category, nobody enrolled; its code. */
    private static String contest(Api api, String organiser) throws Exception {
        String code = "X" + Api.uniqueName("").toUpperCase(java.util.Locale.ROOT).substring(0, 8);
        Instant now = Instant.now();
        Api.Reply created = api.post("/api/v1/contests", """
                {"code":"%s","title":"导出测试","phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"}},"categories":["禁毒志愿者"],
                 "story":{"minChars":10,"maxChars":2000,"maxImages":2,"attachmentAllowed":true},
                 "video":{"maxBytes":100000000,"minSeconds":1,"maxSeconds":600}}"""
                .formatted(code, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3))), organiser, null);
        assertEquals(201, created.status(), created.body());
        return code;
    }

    private static long upload(Api api, Path file, String name, String token) throws Exception {
        Api.Reply done = api.upload(file, name, token);
        assertEquals(200, done.status(), done.body());
        return done.json().getJsonObject("file").getJsonNumber("id").longValue();
    }

    /** A draft with its files (file id to role), submitted; its id. */
    private static long entry(Api api, String token, String draft, Map<Long, String> files) throws Exception {
        Api.Reply created = api.post("/api/v1/entries", draft, token, null);
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        for (Map.Entry<Long, String> file : new TreeMap<>(files).entrySet()) {
            Api.Reply attached = api.post("/api/v1/entries/" + id + "/files", "{\"fileId\":%d,\"role\":\"%s\"}"
                    .formatted(file.getKey(), file.getValue()), token, null);
            assertEquals(200, attached.status(), attached.body());
        }
        Api.Reply submitted = api.post("/api/v1/entries/" + id + "/submit", "", token, null);
        assertEquals(200, submitted.status(), submitted.body());
        return id;
    }

    /**
     * Two judges score the three accepted entries apart (no tie), the round closes with two selected, its notice is
     * published and, its period over, finalised: two winners. The round's id.
     */
    private static long judgeAndFinalise(Api api, TestServer server, String organiser, String code) throws Exception {
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 2);
        long round = JudgingRulesIT.createRound(api, organiser, code, "\"mode\":\"ALL\",\"selectCount\":2", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        int judge = 0;
        for (String token : judges.values()) {
            List<JsonObject> cards = new ArrayList<>(JudgingRulesIT.cards(api, token));
            cards.sort(Comparator.comparing(c -> c.getString("code")));
            for (int i = 0; i < cards.size(); i++) {
                String path = "/api/v1/judging/scorecards/" + cards.get(i).getJsonNumber("scorecardId");
                assertEquals(200, api.put(path, RoundFixture.split(90 - 10 * i - judge), token).status());
                assertEquals(200, api.post(path + "/submit", "", token, null).status());
            }
            judge++;
        }
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/close", "", organiser, null).status());
        long notice = api.post("/api/v1/notices", "{\"roundId\":%d}".formatted(round), organiser, null).json().getJsonNumber("id").longValue();
        Instant endsAt = Instant.now().plus(Duration.ofMinutes(1));
        assertEquals(200, api.put("/api/v1/notices/" + notice, """
                {"title":"评选结果公示","body":"现予公示。","order":"RANK","startsAt":"%s","endsAt":"%s","contact":"县禁毒办"}"""
                .formatted(Instant.now().minusSeconds(60), endsAt), organiser).status());
        assertEquals(200, api.post("/api/v1/notices/" + notice + "/publish", "", organiser, null).status());
        server.moveClockPast(endsAt);
        assertEquals(200, api.post("/api/v1/notices/" + notice + "/finalise", "", organiser, null).status());
        return round;
    }

    private static XSSFWorkbook xlsx(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The sheet's rows under its header (the first row whose cells are all text), by the text of one column. */
    private static Map<String, Row> rows(Sheet sheet, int keyColumn) {
        Map<String, Row> rows = new LinkedHashMap<>();
        int header = sheet.getSheetName().equals("汇总") ? 2 : 0;
        for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
            rows.put(cell(sheet.getRow(r), keyColumn), sheet.getRow(r));
        }
        return rows;
    }

    private static String cell(Row row, int column) {
        return row.getCell(column) == null ? "" : CELLS.formatCellValue(row.getCell(column));
    }

    /** Every file in the ZIP by its name, as the SHA-256 of its bytes. */
    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                assertEquals(3, name.split("/").length, "unit/receipt/file: " + name);
                assertTrue(Stream.of(name.split("/")).noneMatch(s -> s.equals("..") || s.contains("\\")), name);
                files.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
            }
        }
        return files;
    }

    private static List<String> sorted(Stream<String> values) {
        return values.sorted().toList();
    }

    private static List<String[]> files(Connection db, String sql, long contestId) throws Exception {
        List<String[]> files = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, contestId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    files.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)});
                }
            }
        }
        return files;
    }

    private static long number(Connection db, String sql, Object... values) throws Exception {
        return Long.parseLong(text(db, sql, values));
    }

    private static String text(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), sql);
                return rows.getString(1);
            }
        }
    }
}
