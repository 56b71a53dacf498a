package app.laurel.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What issue 10 found missing from the API, done as a client would: find a unit's id by its name to enrol it,
 * send an objection with evidence files, and fetch all certificates as one ZIP.
 */
@ExtendWith(LaurelServerExtension.class)
class ApiCompletenessIT {

    @TempDir
    Path dir;

    @Test
    void anOrganiserFindsAUnitsIdByNameAndEnrolsItWithThatId(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        String tag = Api.uniqueName("");
        Api.Reply created = api.post("/api/v1/accounts", """
                {"username":"u%s","displayName":"镇管理员","role":"UNIT_ADMIN","unitName":"检索%s镇","unitType":"TOWNSHIP",
                 "initialPassword":"%s"}""".formatted(tag, tag, RoundFixture.PASSWORD), organiser, null);
        assertEquals(201, created.status(), created.body());
        long unitId = created.json().getJsonNumber("unitId").longValue();
        for (String school : List.of("检索" + tag + "一中", "检索" + tag + "二中")) {
            RoundFixture.account(api, organiser, Api.uniqueName("s"), "UNIT_ADMIN", school); // MEMBER units
        }

        JsonObject found = api.get("/api/v1/units?q=" + tag + "镇", organiser, null).json();
        assertEquals(1, found.getInt("total"));
        JsonObject unit = found.getJsonArray("items").getJsonObject(0);
        assertEquals(unitId, unit.getJsonNumber("id").longValue(), "the id the account answered with");
        assertEquals("检索" + tag + "镇", unit.getString("name"));
        assertEquals("TOWNSHIP", unit.getString("type"));
        assertEquals(3, api.get("/api/v1/units?q=" + tag.toUpperCase(java.util.Locale.ROOT), organiser, null).json().getInt("total"),
                "any case");
        assertEquals(2, api.get("/api/v1/units?q=" + tag + "&type=member", organiser, null).json().getInt("total"));
        JsonObject second = api.get("/api/v1/units?q=" + tag + "&size=2&page=2", organiser, null).json();
        assertEquals(3, second.getInt("total"));
        assertEquals(1, second.getJsonArray("items").size(), "the third of three on the second page of two");
        assertEquals(0, api.get("/api/v1/units?q=" + tag + "%25_", organiser, null).json().getInt("total"),
                "% and _ are letters here, not wildcards");
        assertEquals(400, api.get("/api/v1/units?type=VILLAGE", organiser, null).status());
        assertEquals(401, api.get("/api/v1/units", null, null).status());
        assertEquals(403, api.get("/api/v1/units", api.token(api.registerCitizen(RoundFixture.PASSWORD), RoundFixture.PASSWORD), null)
                .status(), "for organisers and administrators");

        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        Api.Reply enrolled = api.post("/api/v1/contests/" + contest.code() + "/units", "{\"unitId\":" + unitId + "}", organiser, null);
        assertEquals(200, enrolled.status(), enrolled.body());
        JsonObject listed = enrolled.json().getJsonArray("units").getJsonObject(0);
        assertEquals(unitId, listed.getJsonNumber("id").longValue());
        assertEquals("TOWNSHIP", listed.getString("type"));
        JsonObject me = api.get("/api/v1/me", api.token("u" + tag, RoundFixture.PASSWORD), null).json();
        assertEquals(unitId, me.getJsonNumber("unitId").longValue(), "the unit admin's own account names the unit's id");
    }

    @Test
    void anObjectionCarriesEvidenceFilesWithTheFormsChecks(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, RoundFixture.contest(api, organiser),
                Duration.ofDays(7), "回家的路", "老李的十年", "远方");
        String path = "/api/v1/notices/public/" + notice.code() + "/objections";
        Map<String, String> form = new LinkedHashMap<>(Map.of("realName", "张建国", "phone", "13900007777", "entry", "R1-002",
                "reasons", "该作品所述事件与事实不符，当事人另有其人。"));
        int files = PublicationBrowserIT.storedFiles(server);
        int rows = PublicationBrowserIT.storedFileRows(server);

        Path script = dir.resolve("照片.png");
        Files.writeString(script, "#!/bin/sh\necho no picture\n");
        Api.Reply disguised = api.multipart(path, form, "evidence", List.of(TestFiles.png(dir, 40, 30), script), null);
        assertEquals(400, disguised.status(), disguised.body());
        assertTrue(disguised.body().contains("证明材料只接受"), "Tika decides, not the name: " + disguised.body());
        Api.Reply word = api.multipart(path, form, "evidence", List.of(TestFiles.docx(dir, "说明")), null);
        assertEquals(400, word.status(), "a Word file is no evidence, as on the form: " + word.body());
        Path big = dir.resolve("大.pdf");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write(Files.readAllBytes(TestFiles.pdf(dir, "evidence")));
            file.setLength(10L * 1024 * 1024 + 1);
        }
        Api.Reply tooLarge = api.multipart(path, form, "evidence", List.of(big), null);
        assertEquals(400, tooLarge.status(), tooLarge.body());
        assertTrue(tooLarge.body().contains("10"), tooLarge.body());
        List<Path> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(TestFiles.png(dir, 20 + i, 20));
        }
        Api.Reply tooMany = api.multipart(path, form, "evidence", four, null);
        assertEquals(400, tooMany.status(), tooMany.body());
        assertTrue(tooMany.body().contains("3"), tooMany.body());
        form.put("phone", "123");
        assertEquals(400, api.multipart(path, form, "evidence", List.of(TestFiles.png(dir, 30, 30)), null).status(),
                "the form's own checks");
        form.put("phone", "13900007777");
        assertEquals(files, PublicationBrowserIT.storedFiles(server), "no refused objection left a file on disk");
        assertEquals(rows, PublicationBrowserIT.storedFileRows(server), "nor in the database");

        Api.Reply filed = api.multipart(path, form, "evidence", List.of(TestFiles.png(dir, 60, 40), TestFiles.pdf(dir, "newspaper cutting")), null);
        assertEquals(201, filed.status(), filed.body());
        assertTrue(filed.json().getString("receiptNo").matches("YY\\d{8}-[0-9A-Z]{6}"), filed.body());
        assertEquals(files + 2, PublicationBrowserIT.storedFiles(server));
        JsonArray received = api.get("/api/v1/notices/" + notice.id() + "/objections", organiser, null).structure().asJsonArray();
        JsonObject objection = received.getJsonObject(0);
        assertEquals("张建国", objection.getString("realName"), "Chinese text parts arrive as UTF-8");
        assertEquals(2, objection.getJsonArray("evidenceFileIds").size());
        long evidence = objection.getJsonArray("evidenceFileIds").getJsonNumber(0).longValue();
        assertEquals(200, api.get("/api/v1/files/" + evidence + "/content", organiser, null).status(), "the organiser reads it");

        Api.Reply plain = api.post(path, """
                {"realName":"李四","phone":"13900008888","entry":"R1-001","reasons":"JSON 仍然可以提交异议，不带附件。"}""", null, null);
        assertEquals(201, plain.status(), "the JSON variant still works: " + plain.body());
        Api.Reply decided = api.post("/api/v1/notices/objections/" + objection.getJsonNumber("id") + "/decision",
                "{\"decision\":\"DISMISS\",\"investigation\":\"经核实，作品所述属实。\",\"reply\":\"经调查核实，您反映的问题不成立。\"}", organiser, null);
        assertEquals(200, decided.status(), "the decision body as documented: " + decided.body());
    }

    @Test
    void anOrganiserDownloadsAllCertificatesAsOneZip(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, contest, Duration.ofMinutes(1),
                "回家的路", "老李的十年", "远方");
        server.moveClockPast(notice.endsAt());
        assertEquals(200, api.post("/api/v1/notices/" + notice.id() + "/finalise", "", organiser, null).status());
        assertEquals(200, api.put("/api/v1/certificates/template?contest=" + contest.code(), """
                {"title":"荣誉证书","body":"{name}同志：你的作品《{work}》荣获“{award}”称号。","award":"最美禁毒故事",
                 "issuer":"衡阳县禁毒委员会","issuedOn":"2021-06-26"}""", organiser).status());
        JsonArray issued = api.post("/api/v1/certificates/issue?contest=" + contest.code(), "", organiser, null).structure().asJsonArray();
        assertEquals(2, issued.size());

        String citizen = api.token(api.registerCitizen(RoundFixture.PASSWORD), RoundFixture.PASSWORD);
        assertEquals(403, api.post("/api/v1/certificates/batches?contest=" + contest.code(), "", citizen, null).status());
        Api.Reply started = api.post("/api/v1/certificates/batches?contest=" + contest.code(), "", organiser, null);
        assertEquals(202, started.status(), started.body());
        String location = started.raw().headers().firstValue("Location").orElseThrow();
        String batch = location.substring(location.indexOf("/api/v1/"));
        assertEquals(2, started.json().getInt("total"));
        JsonObject progress = started.json();
        for (int i = 0; i < 100 && !progress.getBoolean("ready"); i++) {
            Thread.sleep(200);
            progress = api.get(batch, organiser, null).json();
            assertTrue(!progress.getBoolean("failed"), progress.toString());
        }
        assertTrue(progress.getBoolean("ready"), progress.toString());
        assertEquals(100, progress.getInt("percent"));
        assertEquals(404, api.get("/api/v1/certificates/batches/" + "0".repeat(32), organiser, null).status());
        assertEquals(403, api.get(batch, citizen, null).status());

        Api.Reply head = api.get(batch + "/zip", organiser, null);
        assertTrue(head.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/zip"), head.raw().headers().toString());
        List<String> names = new ArrayList<>();
        StringBuilder texts = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(api.bytes(batch + "/zip", organiser)))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
                try (PDDocument pdf = Loader.loadPDF(zip.readAllBytes())) {
                    texts.append(new PDFTextStripper().getText(pdf).replaceAll("\\s", ""));
                }
            }
        }
        assertEquals(2, names.size(), names.toString());
        for (JsonObject certificate : issued.getValuesAs(JsonObject.class)) {
            String serial = certificate.getString("serial");
            assertTrue(names.stream().anyMatch(n -> n.startsWith(serial + "-") && n.endsWith(".pdf")), serial + " in " + names);
            assertTrue(texts.toString().contains(certificate.getString("work")), "each PDF is that certificate");
        }
    }
}
