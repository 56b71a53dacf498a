package app.laurel.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static app.laurel.it.RoundFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file judges could never open is refused when it is sent, while its author can still export it again; one
 * accepted before uploads were checked warns the organiser and tells the judge why, instead of a bare 404.
 */
@ExtendWith(LaurelServerExtension.class)
class DamagedFilesIT {

    private static final String REFUSAL = "文件已损坏，无法打开，请重新导出后上传";

    @TempDir
    Path dir;

    @Test
    void aBrokenDocxATruncatedPdfAndACutVideoAreRefusedAtUploadAndLeaveNoFileBehind(TestServer server) throws Exception {
        Api api = new Api(server);
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        Path docx = TestFiles.docx(dir, "这是一个关于戒毒的真实故事。");
        Path pdf = TestFiles.pdf(dir, "A true story about staying clean.");
        Path video = TestFiles.mp4(dir, 3);
        Map<String, Path> damaged = Map.of("故事.docx", TestFiles.withBrokenDocumentXml(docx),
                "故事.pdf", TestFiles.truncated(pdf, 0.6), "视频.mp4", TestFiles.truncated(video, 0.6));
        long before = TestFiles.storedFiles(server.storageDir());

        for (Map.Entry<String, Path> file : damaged.entrySet()) {
            Api.Reply refused = api.upload(file.getValue(), file.getKey(), citizen);
            assertEquals(400, refused.status(), file.getKey() + ": " + refused.body());
            assertTrue(refused.body().contains(REFUSAL), file.getKey() + ": " + refused.body());
            assertFalse(refused.body().contains("receipt") || refused.body().contains("sha256"), refused.body());
        }
        assertEquals(before, TestFiles.storedFiles(server.storageDir()), "no piece, copy or stored file is left of a refused upload");

        for (Path intact : new Path[]{docx, pdf, video}) {
            assertEquals(200, api.upload(intact, intact.getFileName().toString(), citizen).status(), "the intact " + intact);
        }
    }

    @Test
    void aDamagedFileAcceptedBeforeTheCheckTellsTheJudgeAndWarnsTheOrganiser(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        Judged judged = damagedFileOnAJudgesCard(api, server, dir, organiser);
        long file = judged.file();
        long entry = judged.entry();

        Api.Reply judgeReads = api.get("/api/v1/files/" + file + "/content", judged.judgeToken(), null);
        assertEquals(409, judgeReads.status(), judgeReads.body());
        assertTrue(judgeReads.body().contains("该作品的文件已损坏，无法打开"), judgeReads.body());

        JsonObject listed = api.get("/api/v1/screening/" + judged.contest() + "/entries", organiser, null).structure()
                .asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getJsonNumber("id").longValue() == entry).findFirst().orElseThrow();
        assertTrue(listed.getJsonArray("files").getJsonObject(0).getBoolean("damaged"), "the organiser is warned: " + listed);
        assertArrayEquals(judged.broken(), api.bytes("/api/v1/files/" + file + "/content", organiser), "and still gets the original");
        assertEquals("DAMAGED", readability(server, file));
    }

    @Test
    void theBackgroundCheckFindsADamagedFileThatNobodyOpened(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        Path docx = TestFiles.docx(dir, "另一个真实的禁毒故事。");
        long file = ColumnFixture.uploaded(api.upload(docx, "旧故事.docx", citizen));
        long intact = ColumnFixture.uploaded(api.upload(TestFiles.pdf(dir, "An intact story."), "旧故事.pdf", citizen));
        RoundFixture.entry(api, citizen, contest.code(), contest.category(), "旧的损坏附件", null, file, "ATTACHMENT");
        storedAsBeforeTheCheck(server, file, Files.readAllBytes(TestFiles.withBrokenDocumentXml(docx)));
        storedAsBeforeTheCheck(server, intact, Files.readAllBytes(dir.resolve("story.pdf")));

        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(150).toNanos();
        while (readability(server, file) == null && System.nanoTime() < deadline) {
            Thread.sleep(2000);
        }
        assertEquals("DAMAGED", readability(server, file), "the background check found it");
        assertEquals("READABLE", readability(server, intact));
        String listed = api.get("/api/v1/screening/" + contest.code() + "/entries", organiser, null).body();
        assertTrue(listed.contains("\"damaged\":true"), listed);
    }

    /** An accepted entry whose .docx was damaged before uploads were checked, on the card of a judge in an open round. */
    record Judged(String contest, long entry, long file, String judgeName, String judgeToken, byte[] broken) {
    }

    static Judged damagedFileOnAJudgesCard(Api api, TestServer server, Path dir, String organiser) throws Exception {
        RoundFixture.ContestRef contest = RoundFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        Path docx = TestFiles.docx(dir, "这是一个关于戒毒的真实故事。");
        long file = ColumnFixture.uploaded(api.upload(docx, "故事.docx", citizen));
        long entry = RoundFixture.entry(api, citizen, contest.code(), contest.category(), "损坏附件的故事", null, file, "ATTACHMENT");
        RoundFixture.accept(api, organiser, contest.code(), entry);
        byte[] broken = Files.readAllBytes(TestFiles.withBrokenDocumentXml(docx));
        storedAsBeforeTheCheck(server, file, broken);
        Map<String, String> judges = JudgingRulesIT.judges(api, organiser, 1);
        long round = JudgingRulesIT.createRound(api, organiser, contest.code(), "\"mode\":\"ALL\"", judges.keySet());
        assertEquals(200, api.post("/api/v1/rounds/" + round + "/open", "", organiser, null).status());
        Map.Entry<String, String> judge = judges.entrySet().iterator().next();
        return new Judged(contest.code(), entry, file, judge.getKey(), judge.getValue(), broken);
    }

    /** Puts damaged bytes where the stored file is and forgets the check, as for a file stored before version 11. */
    private static void storedAsBeforeTheCheck(TestServer server, long file, byte[] content) throws Exception {
        try (Connection db = server.connect()) {
            String storedName;
            try (PreparedStatement q = db.prepareStatement("select stored_name from stored_file where id = ?")) {
                q.setLong(1, file);
                try (ResultSet row = q.executeQuery()) {
                    row.next();
                    storedName = row.getString(1);
                }
            }
            Files.write(server.storageDir().resolve("files").resolve(storedName.substring(0, 2)).resolve(storedName), content);
            try (PreparedStatement u = db.prepareStatement("update stored_file set readability = null where id = ?")) {
                u.setLong(1, file);
                assertEquals(1, u.executeUpdate());
            }
        }
    }

    private static String readability(TestServer server, long file) throws Exception {
        try (Connection db = server.connect();
             PreparedStatement q = db.prepareStatement("select readability from stored_file where id = ?")) {
            q.setLong(1, file);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
