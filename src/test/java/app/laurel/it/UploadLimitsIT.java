package app.laurel.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads are bounded (issue 11): a declaration costs the sender nothing, so an account may keep only so many
 * unfinished uploads and so many bytes, and nobody may promise more than the disk holds; what uploads leave behind
 * (abandoned parts, files attached to nothing) is swept, and what is attached never is.
 */
@ExtendWith(LaurelServerExtension.class)
class UploadLimitsIT {

    private static final String PASSWORD = "Quota2026limit";
    private static final long GIB = 1024L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aCitizenMayKeepTwentyUnfinishedUploadsAndIsToldToFinishOrCancelThem(TestServer server) throws Exception {
        Api api = new Api(server);
        String token = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            open.add(declare(api, token, 1000).json().getString("id"));
        }
        long onDisk = uploadFiles(server);
        Api.Reply refused = declare(api, token, 1000);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("您已有 20 个未完成的上传") && refused.body().contains("请先完成或取消"), refused.body());
        assertEquals(onDisk, uploadFiles(server), "the refused declaration left nothing on disk");

        assertEquals(204, api.delete("/api/v1/uploads/" + open.get(0), token).status(), "cancelling one frees its place");
        assertFalse(Files.exists(server.storageDir().resolve("uploads").resolve(open.get(0) + ".part")));
        assertEquals(201, declare(api, token, 1000).status());
        String other = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        assertEquals(404, api.delete("/api/v1/uploads/" + open.get(1), other).status(), "nobody cancels another's upload");
        assertEquals(201, declare(api, other, 1000).status(), "the limit is per account");
    }

    @Test
    void declarationsSentAtOnceCannotAllSlipUnderTheLimit(TestServer server) throws Exception {
        Api api = new Api(server);
        String token = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            List<java.util.concurrent.Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return declare(api, token, 1000).status();
                }));
            }
            start.countDown();
            int accepted = 0;
            for (var reply : replies) {
                int status = reply.get();
                assertTrue(status == 201 || status == 409, "status " + status);
                accepted += status == 201 ? 1 : 0;
            }
            assertEquals(20, accepted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void storedFilesAndDeclaredUploadsTogetherStayWithinTwentyGigabytes(TestServer server) throws Exception {
        Api api = new Api(server);
        String token = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long stored = api.upload(TestFiles.png(dir, 320, 240), "照片.png", token).json().getJsonObject("file")
                .getJsonNumber("sizeBytes").longValue();
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            open.add(declare(api, token, 4 * GIB).json().getString("id"));
        }
        Api.Reply over = declare(api, token, 4 * GIB - stored + 1);
        assertEquals(409, over.status(), over.body());
        assertTrue(over.body().contains("超过 20480 MB 的上限") && over.body().contains("已使用 16385 MB"),
                "the stored photo counts too: " + over.body());
        open.add(declare(api, token, 4 * GIB - stored).json().getString("id"));
        assertEquals(409, declare(api, token, 1).status(), "to the byte");
        for (String id : open) {
            assertEquals(204, api.delete("/api/v1/uploads/" + id, token).status());
        }
        Api.Reply again = declare(api, token, 4 * GIB);
        assertEquals(201, again.status(), "cancelled uploads no longer count");
        api.delete("/api/v1/uploads/" + again.json().getString("id"), token);
    }

    @Test
    void nobodyMayPromiseMoreThanTheDiskHolds(TestServer server) throws Exception {
        Api api = new Api(server);
        String admin = api.token("admin", "Laurel2026");
        String citizen = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long free = Files.getFileStore(server.storageDir()).getUsableSpace();
        List<String> promised = new ArrayList<>();
        try {
            // An administrator has no limit of their own: only the disk stops them.
            Api.Reply reply = declare(api, admin, 4 * GIB);
            while (reply.status() == 201 && promised.size() < free / (4 * GIB) + 10) {
                promised.add(reply.json().getString("id"));
                reply = declare(api, admin, 4 * GIB);
            }
            assertEquals(409, reply.status(), promised.size() + " declarations of 4 GiB with " + free / GIB + " GiB free");
            assertTrue(reply.body().contains("服务器存储空间不足") && reply.body().contains("4096 MB"), reply.body());
            assertTrue(promised.size() <= free / (4 * GIB), "the reserve is kept: " + promised.size());
            Api.Reply citizens = declare(api, citizen, 4 * GIB);
            assertEquals(409, citizens.status(), "what is promised is promised to everyone: " + citizens.body());
            assertTrue(citizens.body().contains("服务器存储空间不足"), citizens.body());
        } finally {
            for (String id : promised) {
                api.delete("/api/v1/uploads/" + id, admin);
            }
        }
        Api.Reply again = declare(api, citizen, GIB);
        assertEquals(201, again.status(), "room again once the promises are withdrawn");
        api.delete("/api/v1/uploads/" + again.json().getString("id"), citizen);
    }

    @Test
    void anEmptyFileIsCalledEmptyNotTooLarge(TestServer server) throws Exception {
        Api api = new Api(server);
        String token = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        Api.Reply empty = declare(api, token, 0);
        assertEquals(400, empty.status(), empty.body());
        assertTrue(empty.body().contains("文件是空的"), empty.body());
        assertFalse(empty.body().contains("MB"), empty.body());
    }

    @Test
    void refusedObjectionEvidenceIsToldWhatEvidenceMayBe(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, RoundFixture.contest(api, organiser),
                Duration.ofDays(7), "山路", "灯塔", "归途");
        String path = "/api/v1/notices/public/" + notice.code() + "/objections";
        java.util.Map<String, String> form = java.util.Map.of("realName", "李红", "phone", "13900008888", "entry", "R1-001",
                "reasons", "该作品与已发表的文章雷同。");
        int files = PublicationBrowserIT.storedFiles(server);

        Path empty = Files.createFile(dir.resolve("扫描件.pdf"));
        Api.Reply emptyReply = api.multipart(path, form, "evidence", List.of(empty), null);
        assertEquals(400, emptyReply.status(), emptyReply.body());
        assertTrue(emptyReply.body().contains("文件是空的"), "a chosen file of 0 bytes is not skipped silently: " + emptyReply.body());

        Path script = dir.resolve("截图.png");
        Files.writeString(script, "#!/bin/sh\necho no picture\n");
        for (Path refused : List.of(TestFiles.docx(dir, "情况说明"), script)) {
            Api.Reply reply = api.multipart(path, form, "evidence", List.of(refused), null);
            assertEquals(400, reply.status(), reply.body());
            assertTrue(reply.body().contains("证明材料只接受 JPG/PNG/GIF/WebP 图片或 PDF 文档"), reply.body());
            assertFalse(reply.body().contains("MP4") || reply.body().contains("Word"), "not the types of other uploads: " + reply.body());
        }
        assertEquals(files, PublicationBrowserIT.storedFiles(server), "no refused evidence left a file");
    }

    @Test
    void abandonedPartsAndFilesAttachedToNothingAreSweptAndAttachedOnesKept(TestServer server) throws Exception {
        Api api = new Api(server);
        String token = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        long unattached = fileId(api.upload(TestFiles.png(dir, 64, 48), "没用上的.png", token));
        long attached = fileId(api.upload(TestFiles.png(dir, 80, 60), "作品插图.png", token));
        long fresh = fileId(api.upload(TestFiles.png(dir, 96, 72), "刚传完.png", token));
        long entry = draft(api, token, ContestFixture.likeTheDemo(api, api.token("organiser", "Laurel2026")));
        Api.Reply attach = api.post("/api/v1/entries/" + entry + "/files", "{\"fileId\":%d,\"role\":\"IMAGE\"}".formatted(attached), token, null);
        assertEquals(200, attach.status(), attach.body());
        String abandoned = halfSent(api, token);
        String resuming = halfSent(api, token);

        // Three days pass for two of the files and eight for one unfinished upload; the others were touched just now.
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        age(server, unattached, threeDaysAgo);
        age(server, attached, threeDaysAgo);
        Path uploads = server.storageDir().resolve("uploads");
        for (String half : List.of(".part", ".meta")) {
            Files.setLastModifiedTime(uploads.resolve(abandoned + half), FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        }
        Path unattachedBytes = server.storedFile(unattached);

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (server.storedFile(unattached) != null && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(null, server.storedFile(unattached), "a file attached to nothing for three days is removed");
        assertFalse(Files.exists(unattachedBytes), "with its bytes");
        assertTrue(Files.exists(server.storedFile(attached)), "a file attached to an entry is kept however old");
        assertTrue(Files.exists(server.storedFile(fresh)), "a file just uploaded, about to be attached, is kept");
        assertEquals(200, api.get("/api/v1/files/" + attached + "/content", token, null).status());
        assertFalse(Files.exists(uploads.resolve(abandoned + ".part")), "an upload untouched for eight days is cleared");
        assertFalse(Files.exists(uploads.resolve(abandoned + ".meta")));
        assertEquals(404, api.get("/api/v1/uploads/" + abandoned, token, null).status());
        assertEquals(500, api.get("/api/v1/uploads/" + resuming, token, null).json().getJsonNumber("offset").longValue(),
                "an upload under way is kept");
    }

    private static Api.Reply declare(Api api, String token, long length) throws Exception {
        return api.post("/api/v1/uploads", "{\"fileName\":\"大视频.mp4\",\"length\":" + length + "}", token, null);
    }

    private static long uploadFiles(TestServer server) throws Exception {
        try (var files = Files.list(server.storageDir().resolve("uploads"))) {
            return files.count();
        }
    }

    /** An upload of 1000 bytes with 500 sent. */
    private static String halfSent(Api api, String token) throws Exception {
        String id = declare(api, token, 1000).json().getString("id");
        Api.Reply sent = api.patch("/api/v1/uploads/" + id, 0, HttpRequest.BodyPublishers.ofByteArray(new byte[500]), token);
        assertEquals(200, sent.status(), sent.body());
        return id;
    }

    private static long fileId(Api.Reply completed) {
        assertEquals(200, completed.status(), completed.body());
        return completed.json().getJsonObject("file").getJsonNumber("id").longValue();
    }

    private static long draft(Api api, String token, String contest) throws Exception {
        long category = api.get("/api/v1/contests/" + contest, null, null).json().getJsonArray("categories")
                .getJsonObject(0).getJsonNumber("id").longValue();
        Api.Reply created = api.post("/api/v1/entries", """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"配图的故事"}""".formatted(contest, category), token, null);
        assertEquals(201, created.status(), created.body());
        JsonObject entry = created.json();
        return entry.getJsonNumber("id").longValue();
    }

    private static void age(TestServer server, long fileId, Instant createdAt) throws Exception {
        try (Connection db = server.connect();
             PreparedStatement update = db.prepareStatement("update stored_file set created_at = ? where id = ?")) {
            update.setObject(1, java.time.LocalDateTime.ofInstant(createdAt, java.time.ZoneOffset.UTC));
            update.setLong(2, fileId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
