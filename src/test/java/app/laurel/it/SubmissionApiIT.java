package app.laurel.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Submitting through the API with real files, and every way it can be refused, checked in the database and on disk. */
@ExtendWith(LaurelServerExtension.class)
class SubmissionApiIT {

    private static final String PASSWORD = "Summer2026sun";
    private static final String STORY = "<p>" + "他在社区戒毒康复站坚持了三年，终于重新站了起来。".repeat(20) + "</p>";

    @TempDir
    Path dir;

    private TestServer server;
    private Api api;
    private String token;
    /** A contest like the demo contest, of this test's own. */
    private String contest;

    @BeforeEach
    void citizen(TestServer server) throws Exception {
        this.server = server;
        this.api = new Api(server);
        this.token = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        this.contest = ContestFixture.likeTheDemo(api, api.token("organiser", "Laurel2026"));
    }

    @Test
    void citizenSubmitsAStoryWithAnImageAndADocxAndGetsAReceiptWithHashes() throws Exception {
        Path image = TestFiles.png(dir, 640, 480);
        Path docx = TestFiles.docx(dir, "社区戒毒康复的故事：从迷途到新生。");
        JsonObject storedImage = api.upload(image, "我的照片.png", token).json().getJsonObject("file");
        assertEquals("image/png", storedImage.getString("mediaType"));
        assertEquals(640, storedImage.getInt("width"));
        assertEquals(480, storedImage.getInt("height"));
        JsonObject storedDocx = api.upload(docx, "故事.docx", token).json().getJsonObject("file");
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", storedDocx.getString("mediaType"));

        long entryId = draft(contest, "STORY", STORY + "<script>alert('x')</script>");
        assertEquals(200, attach(entryId, storedImage.getInt("id"), "IMAGE").status());
        assertEquals(200, attach(entryId, storedDocx.getInt("id"), "ATTACHMENT").status());

        Api.Reply submitted = api.post("/api/v1/entries/" + entryId + "/submit", "", token, null);
        assertEquals(200, submitted.status(), submitted.body());
        JsonObject receipt = submitted.json();
        assertEquals("SUBMITTED", receipt.getString("status"));
        assertTrue(receipt.getString("receiptNo").matches(contest + "-\\d{4}"), receipt.getString("receiptNo"));
        assertNotNull(receipt.getString("submittedAt"));
        assertFalse(receipt.getString("bodyHtml").contains("script"), "the story was sanitised");
        assertEquals(TestFiles.sha256(image), receipt.getJsonArray("files").getJsonObject(0).getString("sha256"));
        assertEquals(TestFiles.sha256(docx), receipt.getJsonArray("files").getJsonObject(1).getString("sha256"));

        try (Connection db = server.connect(); PreparedStatement query = db.prepareStatement("""
                select e.status, e.receipt_no, f.stored_name, f.original_name, f.extracted_text
                from entry e join entry_file ef on ef.entry_id = e.id join stored_file f on f.id = ef.file_id
                where e.id = ? and ef.role = 'ATTACHMENT'""")) {
            query.setLong(1, entryId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals("SUBMITTED", row.getString(1));
                assertEquals(receipt.getString("receiptNo"), row.getString(2));
                String storedName = row.getString(3);
                assertTrue(storedName.matches("[0-9a-f]{32}\\.docx"), "stored under a generated name: " + storedName);
                assertEquals("故事.docx", row.getString(4), "the original name is kept as metadata");
                assertTrue(row.getString(5).contains("从迷途到新生"), "Tika extracted the text for search and 查重");
                String found = api.get("/api/v1/screening/" + contest + "/entries?q=从迷途到新生", api.token("organiser", "Laurel2026"), null).body();
                assertTrue(found.contains(receipt.getString("receiptNo")), "the organiser finds the entry by its attachment's text");
                Path onDisk = server.storageDir().resolve("files").resolve(storedName.substring(0, 2)).resolve(storedName);
                assertEquals(TestFiles.sha256(docx), TestFiles.sha256(onDisk));
            }
        }
    }

    @Test
    void aCitizenNamesATownshipOrTheParkAsTheirsButNotThePoliceBureau() throws Exception {
        JsonArray units = api.get("/api/v1/contests/HY2021", null, null).json().getJsonArray("units");
        long police = unitOfType(units, "POLITICAL_LEGAL");
        long school = unitOfType(units, "SCHOOL");
        long park = unitOfType(units, "PARK");
        String json = "{\"contest\":\"HY2021\",\"type\":\"STORY\",\"title\":\"我身边的禁毒故事\",\"townshipId\":%d}";

        Api.Reply refused = api.post("/api/v1/entries", json.formatted(police), token, null);
        assertEquals(400, refused.status(), "the police bureau takes part but is no citizen's township: " + refused.body());
        assertTrue(refused.json().getJsonArray("fields").toString().contains("township"), refused.body());
        assertEquals(400, api.post("/api/v1/entries", json.formatted(school), token, null).status(), "nor is a school");
        assertEquals(0, api.get("/api/v1/entries?contest=HY2021", token, null).structure().asJsonArray().size(),
                "a refused draft is not stored");

        Api.Reply inThePark = api.post("/api/v1/entries", json.formatted(park), token, null);
        assertEquals(201, inThePark.status(), inThePark.body());
        long entryId = inThePark.json().getJsonNumber("id").longValue();
        assertEquals(park, inThePark.json().getJsonNumber("townshipId").longValue());
        Api.Reply moved = api.put("/api/v1/entries/" + entryId, "{\"title\":\"我身边的禁毒故事\",\"townshipId\":%d}".formatted(police), token);
        assertEquals(400, moved.status(), "nor can a saved draft be changed to name it: " + moved.body());
        assertEquals(park, api.get("/api/v1/entries/" + entryId, token, null).json().getJsonNumber("townshipId").longValue());
    }

    @Test
    void anIncompleteStoryIsRefusedWithEveryReasonAndStaysADraft() throws Exception {
        long entryId = draft(contest, "STORY", "<p>太短了</p>");
        Api.Reply refused = api.post("/api/v1/entries/" + entryId + "/submit", "", token, null);
        assertEquals(400, refused.status());
        String fields = refused.json().getJsonArray("fields").toString();
        assertTrue(fields.contains("正文字数应为 300～5000 字，当前 3 字"), fields);

        Api.Reply undeclared = api.put("/api/v1/entries/" + entryId, """
                {"categoryId":%d,"title":"标题","bodyHtml":"%s"}""".formatted(categoryId(contest), STORY), token);
        assertEquals(200, undeclared.status(), undeclared.body());
        Api.Reply stillRefused = api.post("/api/v1/entries/" + entryId + "/submit", "", token, null);
        assertTrue(stillRefused.body().contains("请确认作品为原创或已获授权"), stillRefused.body());
        assertEquals("DRAFT", api.get("/api/v1/entries/" + entryId, token, null).json().getString("status"));
        JsonObject stored = api.get("/api/v1/entries/" + entryId, token, null).json();
        assertTrue(!stored.containsKey("receiptNo") || stored.isNull("receiptNo"), "no receipt number for a refused submission");
    }

    @Test
    void aRenamedExecutableIsRefusedByItsContentAndLeavesNoFileBehind() throws Exception {
        Path fake = dir.resolve("lesson.mp4");
        Files.copy(Path.of("/bin/ls"), fake);
        long before = filesInStorage();
        Api.Reply refused = api.upload(fake, "lesson.mp4", token);
        assertEquals(400, refused.status(), refused.body());
        String message = refused.json().getJsonArray("fields").getJsonObject(0).getString("message");
        assertTrue(message.startsWith("文件内容为 application/x-"), message);
        assertEquals(before, filesInStorage(), "neither the partial upload nor a stored file remains");
    }

    @Test
    void aVideoOutsideTheDurationRuleIsRefusedAndOneInsideIsAccepted() throws Exception {
        Api.Reply shortVideo = api.upload(TestFiles.mp4(dir, 5), "short.mp4", token);
        assertEquals(200, shortVideo.status(), shortVideo.body());
        JsonObject file = shortVideo.json().getJsonObject("file");
        assertTrue(file.getString("mediaType").startsWith("video/"), file.toString());
        assertEquals(5000, file.getJsonNumber("durationMillis").longValue(), 100);

        long entryId = draft("HYKT2021", "VIDEO", null);
        Api.Reply refused = attach(entryId, file.getInt("id"), "VIDEO");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("视频时长应为 25.0～35.0 分钟，当前为 0.1 分钟"), refused.body());

        JsonObject lesson = api.upload(TestFiles.mp4(dir, 26 * 60), "一堂禁毒课.mp4", token).json().getJsonObject("file");
        assertEquals(200, attach(entryId, lesson.getInt("id"), "VIDEO").status());
        Api.Reply submitted = api.post("/api/v1/entries/" + entryId + "/submit", "", token, null);
        assertEquals(200, submitted.status(), submitted.body());
        assertTrue(submitted.json().getString("receiptNo").startsWith("HYKT2021-"));

        long second = draft("HYKT2021", "VIDEO", null);
        assertEquals(200, attach(second, lesson.getInt("id"), "VIDEO").status());
        Api.Reply overLimit = api.post("/api/v1/entries/" + second + "/submit", "", token, null);
        assertEquals(409, overLimit.status(), "one lesson per citizen in this contest");
        assertTrue(overLimit.json().getString("message").contains("每人最多以个人名义投稿 1 件"), overLimit.body());
    }

    @Test
    void aPdfsTextIsReadForSearchAndDuplicateChecks() throws Exception {
        JsonObject pdf = api.upload(TestFiles.pdf(dir, "Community rehabilitation: a story of recovery"), "story.pdf", token)
                .json().getJsonObject("file");
        assertEquals("application/pdf", pdf.getString("mediaType"));
        try (Connection db = server.connect(); PreparedStatement query = db.prepareStatement(
                "select extracted_text from stored_file where id = ?")) {
            query.setLong(1, pdf.getJsonNumber("id").longValue());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertTrue(row.getString(1).contains("a story of recovery"), row.getString(1));
            }
        }
    }

    @Test
    void anInterruptedUploadResumesWhereItStoppedAndTheHashMatches() throws Exception {
        Path video = TestFiles.mp4(dir, 120);
        byte[] bytes = Files.readAllBytes(video);
        Api.Reply begun = api.post("/api/v1/uploads", """
                {"fileName":"resume.mp4","length":%d}""".formatted(bytes.length), token, null);
        String path = "/api/v1/uploads/" + begun.json().getString("id");
        int first = bytes.length / 3;
        assertEquals(200, api.patch(path, 0, HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOf(bytes, first)), token).status());

        // The connection drops in the middle of the second piece.
        assertThrows(IOException.class, () -> api.patch(path, first, new DroppingPublisher(bytes, first, bytes.length / 3), token));
        long offset = Long.parseLong(api.head(path, token).raw().headers().firstValue("Upload-Offset").orElseThrow());
        assertTrue(offset >= first && offset < bytes.length, "the server kept what arrived: " + offset);

        Api.Reply wrongOffset = api.patch(path, 0, HttpRequest.BodyPublishers.ofByteArray(new byte[10]), token);
        assertEquals(409, wrongOffset.status(), "a piece at the wrong offset is refused");

        Api.Reply done = api.patch(path, offset,
                HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, (int) offset, bytes.length)), token);
        assertEquals(200, done.status(), done.body());
        assertEquals(TestFiles.sha256(video), done.json().getJsonObject("file").getString("sha256"));
    }

    @Test
    void aFileSentInPiecesIsHashedAsItArrivesAndTheHashIsTheFilesOwn() throws Exception {
        Path video = TestFiles.mp4(dir, 60);
        byte[] bytes = Files.readAllBytes(video);
        Api.Reply begun = api.post("/api/v1/uploads", """
                {"fileName":"pieces.mp4","length":%d}""".formatted(bytes.length), token, null);
        String path = "/api/v1/uploads/" + begun.json().getString("id");
        int[] cuts = {0, bytes.length / 4, bytes.length / 2, bytes.length};
        Api.Reply last = null;
        for (int i = 0; i < cuts.length - 1; i++) {
            last = api.patch(path, cuts[i], HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, cuts[i], cuts[i + 1])), token);
            assertEquals(200, last.status(), last.body());
        }
        JsonObject file = last.json().getJsonObject("file");
        assertEquals(TestFiles.sha256(video), file.getString("sha256"));
        try (Connection db = server.connect(); PreparedStatement query = db.prepareStatement(
                "select sha256, size_bytes from stored_file where id = ?")) {
            query.setLong(1, file.getJsonNumber("id").longValue());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals(TestFiles.sha256(video), row.getString(1));
                assertEquals(bytes.length, row.getLong(2));
            }
        }
    }

    @Test
    void filesAreServedInRangesForSeekingAndOnlyToThoseAllowed() throws Exception {
        Path video = TestFiles.mp4(dir, 20);
        byte[] bytes = Files.readAllBytes(video);
        long id = api.upload(video, "seek.mp4", token).json().getJsonObject("file").getJsonNumber("id").longValue();

        java.net.http.HttpResponse<byte[]> part = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/v1/files/" + id + "/content"))
                        .header("Authorization", "Bearer " + token).header("Range", "bytes=100-199").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/" + bytes.length, part.headers().firstValue("Content-Range").orElse(""));
        assertTrue(Arrays.equals(Arrays.copyOfRange(bytes, 100, 200), part.body()), "the requested bytes, exactly");

        assertEquals(200, api.get("/api/v1/files/" + id + "/content", token, null).status(), "no Range: the whole file");
        assertEquals(416, rangeStatus(id, "bytes=" + bytes.length + "-"), "a range past the end");
        String stranger = api.token(api.registerCitizen(PASSWORD), PASSWORD);
        assertEquals(404, api.get("/api/v1/files/" + id + "/content", stranger, null).status());
        assertEquals(200, api.get("/api/v1/files/" + id + "/content", api.token("organiser", "Laurel2026"), null).status());
    }

    private int rangeStatus(long id, String range) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/v1/files/" + id + "/content"))
                        .header("Authorization", "Bearer " + token).header("Range", range).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anotherUsersEntriesAndFilesAreNotFound() throws Exception {
        long entryId = draft(contest, "STORY", STORY);
        JsonObject image = api.upload(TestFiles.png(dir, 10, 10), "a.png", token).json().getJsonObject("file");
        String stranger = api.token(api.registerCitizen(PASSWORD), PASSWORD);

        assertEquals(404, api.get("/api/v1/entries/" + entryId, stranger, null).status());
        assertEquals(404, api.post("/api/v1/entries/" + entryId + "/submit", "", stranger, null).status());
        assertEquals(404, api.put("/api/v1/entries/" + entryId, "{\"title\":\"改\"}", stranger).status());
        long strangersEntry = draftAs(api, stranger, contest);
        Api.Reply stolenFile = api.post("/api/v1/entries/" + strangersEntry + "/files",
                "{\"fileId\":%d,\"role\":\"IMAGE\"}".formatted(image.getInt("id")), stranger, null);
        assertEquals(404, stolenFile.status(), "a file is usable only by the one who uploaded it");
        assertEquals(401, api.get("/api/v1/entries/" + entryId, null, null).status());
    }

    @Test
    void aClosedContestAcceptsNothing() throws Exception {
        String code = "C" + System.nanoTime() % 1_000_000_000L;
        try (Connection db = server.connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("insert into contest (code, title, created_at) values ('" + code + "', '已截止的活动', utc_timestamp())");
            sql.executeUpdate("insert into contest_phase (contest_id, kind, starts_at, ends_at) select id, 'SUBMISSION', "
                    + "'2021-05-29 16:00:00', '2021-06-10 10:00:00' from contest where code = '" + code + "'");
            sql.executeUpdate("insert into contest_entry_rule (contest_id, entry_type, min_chars, max_chars, max_images) "
                    + "select id, 'STORY', 1, 100, 1 from contest where code = '" + code + "'");
        }
        Api.Reply refused = api.post("/api/v1/entries", "{\"contest\":\"" + code + "\",\"type\":\"STORY\",\"title\":\"迟到\"}", token, null);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().getString("message").contains("2021-06-10 18:00"), "the deadline in Beijing time");
        try (Connection db = server.connect(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from entry e join contest c on c.id = e.contest_id where c.code = '" + code + "'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "no row was created");
        }
    }

    private static long unitOfType(JsonArray units, String type) {
        return units.stream().map(JsonValue::asJsonObject).filter(u -> u.getString("type").equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("the demo contest has no " + type + ": " + units))
                .getJsonNumber("id").longValue();
    }

    private long draft(String contest, String type, String body) throws Exception {
        String json = "{\"contest\":\"%s\",\"type\":\"%s\",\"categoryId\":%d,\"title\":\"我身边的禁毒故事\",\"originalityDeclared\":true,\"displayConsent\":true%s}"
                .formatted(contest, type, categoryId(contest), body == null ? "" : ",\"bodyHtml\":" + jsonString(body));
        Api.Reply created = api.post("/api/v1/entries", json, token, null);
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonNumber("id").longValue();
    }

    private long draftAs(Api client, String bearer, String contest) throws Exception {
        Api.Reply created = client.post("/api/v1/entries", "{\"contest\":\"" + contest + "\",\"type\":\"STORY\"}", bearer, null);
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonNumber("id").longValue();
    }

    private Api.Reply attach(long entryId, int fileId, String role) throws Exception {
        return api.post("/api/v1/entries/" + entryId + "/files", "{\"fileId\":%d,\"role\":\"%s\"}".formatted(fileId, role), token, null);
    }

    private long categoryId(String contest) throws Exception {
        return api.get("/api/v1/contests/" + contest, null, null).json().getJsonArray("categories")
                .getJsonObject(0).getJsonNumber("id").longValue();
    }

    private long filesInStorage() throws IOException {
        try (Stream<Path> files = Files.walk(server.storageDir())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static String jsonString(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }

    /** Sends {@code length} bytes from {@code from}, then fails, as a dropped mobile connection would. */
    private record DroppingPublisher(byte[] bytes, int from, int length) implements HttpRequest.BodyPublisher {
        @Override
        public long contentLength() {
            return -1;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                private boolean sent;

                @Override
                public void request(long n) {
                    if (!sent) {
                        sent = true;
                        subscriber.onNext(ByteBuffer.wrap(bytes, from, length));
                    } else {
                        subscriber.onError(new IOException("connection dropped"));
                    }
                }

                @Override
                public void cancel() {
                }
            });
        }
    }
}
