package app.laurel.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public column through the API and the public pages, as an organiser publishes and anyone (no login) reads:
 * the refusals, pagination and categories, what an anonymous story hides, the view count, public media with
 * Range, and taking a story down.
 */
@ExtendWith(LaurelServerExtension.class)
class ColumnIT {

    @TempDir
    Path dir;

    private TestServer server;
    private Api api;
    private String organiser;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void organiser(TestServer server) throws Exception {
        this.server = server;
        this.api = new Api(server);
        this.organiser = api.token("organiser", "Laurel2026");
    }

    @Test
    void publishingIsRefusedWithAReasonAndLeavesNothingBehind() throws Exception {
        ColumnFixture.ContestRef contest = ColumnFixture.contest(api, organiser);
        ColumnFixture.ContestRef other = ColumnFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(ColumnFixture.PASSWORD), ColumnFixture.PASSWORD);

        // Consent is required at submission; an author can take it back only while correcting a returned entry.
        long withdrawn = ColumnFixture.draft(api, citizen, contest.code(), "STORY", contest.volunteers(), "撤回授权的故事",
                "<p>一个真实的禁毒故事，讲述社区的变化。</p>", null);
        ColumnFixture.submit(api, citizen, withdrawn);
        assertEquals(200, api.post("/api/v1/screening/" + contest.code() + "/entries/" + withdrawn + "/decision",
                "{\"decision\":\"RETURN\",\"reason\":\"请补充时间\"}", organiser, null).status());
        Api.Reply saved = api.put("/api/v1/entries/" + withdrawn, ColumnFixture.draftJson(contest.code(), "STORY",
                contest.volunteers(), "撤回授权的故事", "<p>一个真实的禁毒故事，讲述社区的变化。</p>", null, false).toString(), citizen);
        assertEquals(200, saved.status(), saved.body());
        Api.Reply noConsent = publish(contest.code(), withdrawn, false);
        assertEquals(409, noConsent.status(), noConsent.body());
        assertEquals("作者投稿时未同意公开展示，该作品不能发布到专栏。", noConsent.json().getString("message"));

        long submitted = ColumnFixture.draft(api, citizen, contest.code(), "STORY", contest.volunteers(), "待审查的故事",
                "<p>一个真实的禁毒故事，讲述社区的变化。</p>", null);
        ColumnFixture.submit(api, citizen, submitted);
        Api.Reply unscreened = publish(contest.code(), submitted, false);
        assertEquals(409, unscreened.status(), unscreened.body());
        assertTrue(unscreened.json().getString("message").contains("只有审查通过或获奖的作品"), unscreened.body());

        long elsewhere = ColumnFixture.acceptedStory(api, organiser, citizen, other.code(), other.volunteers(), "别的活动的故事");
        Api.Reply wrongContest = publish(contest.code(), elsewhere, false);
        assertEquals(400, wrongContest.status(), wrongContest.body());
        assertTrue(wrongContest.body().contains("该作品不属于本活动"), wrongContest.body());

        long accepted = ColumnFixture.acceptedStory(api, organiser, citizen, contest.code(), contest.volunteers(), "可以发布的故事");
        assertEquals(401, api.post("/api/v1/column/" + contest.code() + "/items", "{\"entryId\":" + accepted + "}", null, null).status());
        assertEquals(403, api.post("/api/v1/column/" + contest.code() + "/items", "{\"entryId\":" + accepted + "}", citizen, null).status());
        ColumnFixture.publish(api, organiser, contest.code(), accepted, false);
        Api.Reply twice = publish(contest.code(), accepted, true);
        assertEquals(409, twice.status());
        assertEquals("This entry is already in the column.",
                api.post("/api/v1/column/" + contest.code() + "/items", "{\"entryId\":" + accepted + "}", organiser, "en").json().getString("message"));

        assertEquals(List.of(accepted), publishedEntries(contest.code()), "only the one allowed was stored");
        assertEquals(List.of(), publishedEntries(other.code()));
        JsonArray candidates = (JsonArray) api.get("/api/v1/column/" + contest.code() + "/candidates", organiser, null).structure();
        assertEquals(1, candidates.size(), "only accepted entries with consent are candidates: " + candidates);
        assertTrue(candidates.getJsonObject(0).getBoolean("published"));
        assertEquals(401, api.get("/api/v1/column/" + contest.code() + "/candidates", null, null).status());
    }

    @Test
    void theColumnIsPublicPaginatedNewestFirstAndFilteredByCategory() throws Exception {
        ColumnFixture.ContestRef contest = ColumnFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(ColumnFixture.PASSWORD), ColumnFixture.PASSWORD);
        String first = null;
        for (int i = 1; i <= 13; i++) {
            String title = "第" + i + "个故事" + Api.uniqueName("");
            long category = i == 7 ? contest.recovery() : contest.volunteers();
            long entry = ColumnFixture.acceptedStory(api, organiser, citizen, contest.code(), category, title);
            ColumnFixture.publish(api, organiser, contest.code(), entry, true);
            first = first == null ? title : first;
        }

        Api.Reply firstPage = api.get("/api/v1/column/" + contest.code(), null, null);
        assertEquals(200, firstPage.status(), "no token needed: " + firstPage.body());
        JsonObject page = firstPage.json();
        assertEquals(13, page.getInt("total"));
        assertEquals(2, page.getInt("pages"));
        assertEquals(12, page.getJsonArray("items").size());
        assertTrue(page.getJsonArray("items").getJsonObject(0).getString("title").startsWith("第13个故事"), "newest first");
        assertFalse(page.getJsonArray("items").getJsonObject(0).containsKey("bodyHtml"), "the list has excerpts, not texts");

        JsonObject second = api.get("/api/v1/column/" + contest.code() + "?page=2", null, null).json();
        assertEquals(1, second.getJsonArray("items").size());
        assertEquals(first, second.getJsonArray("items").getJsonObject(0).getString("title"), "the oldest comes last");

        JsonObject recovery = api.get("/api/v1/column/" + contest.code() + "?category=" + contest.recovery(), null, null).json();
        assertEquals(1, recovery.getInt("total"));
        assertTrue(recovery.getJsonArray("items").getJsonObject(0).getString("title").startsWith("第7个故事"));
        assertEquals("社区戒毒康复", recovery.getJsonArray("items").getJsonObject(0).getString("category"));

        String secondPage = page("/column/" + contest.code() + "?page=2");
        assertTrue(secondPage.contains(first), "the clean address of the list's second page works without login");
        assertTrue(secondPage.contains("href=\"/column/" + contest.code() + "\""), "links use the clean form");
        String filtered = page("/column/" + contest.code() + "?category=" + contest.recovery());
        assertTrue(filtered.contains("第7个故事") && !filtered.contains(first), "the page filters by category");
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/column/NOSUCH"
                + contest.code().substring(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("data-status=\"404\""), "the 404 page: " + missing.body());
    }

    @Test
    void anAnonymousStoryShowsNoPersonalDetailsAndEachPageViewIsCounted() throws Exception {
        ColumnFixture.ContestRef contest = ColumnFixture.contest(api, organiser);
        JsonObject township = township();
        assertEquals(200, api.post("/api/v1/contests/" + contest.code() + "/units",
                "{\"unitId\":" + township.getJsonNumber("id") + "}", organiser, null).status());
        String name = "欧阳明珠";
        String phone = "139" + String.valueOf(System.nanoTime()).substring(3, 11);
        String unit = township.getString("name");
        String citizen = ColumnFixture.citizen(api, name, phone);
        String marker = Api.uniqueName("m");
        long entry = ColumnFixture.draft(api, citizen, contest.code(), "STORY", contest.volunteers(), name + "的禁毒故事" + marker,
                "<p>我叫" + name + "，是" + unit + "的禁毒志愿者，有事请打" + phone + "。" + marker + "</p>", township.getJsonNumber("id").longValue());
        ColumnFixture.submit(api, citizen, entry);
        RoundFixture.accept(api, organiser, contest.code(), entry);
        long item = ColumnFixture.publish(api, organiser, contest.code(), entry, false);

        Api.Reply json = api.get("/api/v1/column/" + contest.code() + "/items/" + item, null, null);
        assertEquals(200, json.status(), json.body());
        String story = ColumnFixture.decoded(json.body());
        assertTrue(story.contains(marker) && story.contains("匿名"), story);
        for (String personal : List.of(name, phone, unit)) {
            assertFalse(story.contains(personal), personal + " is in the public JSON: " + story);
        }
        assertTrue(json.json().getBoolean("anonymous"));

        // The JSON read above counted the story's first view; views reach the database every few seconds.
        long before = viewCountReaching(contest.code(), item, 1);
        assertEquals(1, before, "the public JSON counts as a view of a story published a moment ago");
        String html = ColumnFixture.decoded(page("/column/" + contest.code() + "/" + item));
        assertTrue(html.contains(marker) && html.contains("作者：匿名"), html);
        for (String personal : List.of(name, phone, unit)) {
            assertFalse(html.contains(personal), personal + " is on the public page");
        }
        page("/column/" + contest.code() + "/" + item);
        assertEquals(before + 2, viewCountReaching(contest.code(), item, before + 2),
                "one view per page view; the list does not count");
    }

    /** The story's view count once it reaches {@code expected} or 20 s have passed: views are flushed every 2 s. */
    private long viewCountReaching(String contest, long item, long expected) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        long counted = viewCount(contest, item);
        while (counted < expected && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            counted = viewCount(contest, item);
        }
        return counted;
    }

    @Test
    void aPublishedVideoStreamsInRangesToAnyoneUntilItIsTakenDown() throws Exception {
        ColumnFixture.ContestRef contest = ColumnFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(ColumnFixture.PASSWORD), ColumnFixture.PASSWORD);
        Path video = TestFiles.mp4(dir, 3);
        byte[] bytes = Files.readAllBytes(video);
        long videoFile = ColumnFixture.uploaded(api.upload(video, "禁毒课.mp4", citizen));
        long poster = ColumnFixture.uploaded(api.upload(TestFiles.png(dir, 320, 180), "封面.png", citizen));
        long published = ColumnFixture.draft(api, citizen, contest.code(), "VIDEO", contest.volunteers(), "禁毒微视频", "<p>片中的故事发生在社区。</p>", null);
        ColumnFixture.attach(api, citizen, published, videoFile, "VIDEO");
        ColumnFixture.attach(api, citizen, published, poster, "POSTER");
        ColumnFixture.submit(api, citizen, published);
        RoundFixture.accept(api, organiser, contest.code(), published);
        long item = ColumnFixture.publish(api, organiser, contest.code(), published, true);

        long otherVideo = ColumnFixture.uploaded(api.upload(TestFiles.mp4(dir, 2), "另一个.mp4", citizen));
        long unpublished = ColumnFixture.draft(api, citizen, contest.code(), "VIDEO", contest.volunteers(), "未发布的视频", null, null);
        ColumnFixture.attach(api, citizen, unpublished, otherVideo, "VIDEO");
        ColumnFixture.submit(api, citizen, unpublished);
        RoundFixture.accept(api, organiser, contest.code(), unpublished);

        String storyText = api.get("/api/v1/column/" + contest.code() + "/items/" + item, null, null).body();
        String mediaPath = "/column-media/" + item + "/" + videoFile;
        assertTrue(storyText.contains("\"videos\":[\"" + mediaPath + "\"]"), storyText);
        assertTrue(storyText.contains("\"poster\":\"/column-media/" + item + "/" + poster + "\""), storyText);

        HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + mediaPath))
                .header("Range", "bytes=0-99").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode(), "no login needed");
        assertEquals(100, part.body().length);
        assertTrue(Arrays.equals(Arrays.copyOf(bytes, 100), part.body()));
        assertEquals("bytes 0-99/" + bytes.length, part.headers().firstValue("Content-Range").orElse(""));
        assertEquals("public, max-age=3600", part.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(200, status("/column-media/" + item + "/" + poster));

        assertEquals(404, status("/column-media/" + item + "/" + otherVideo), "a file of an entry not in the column");
        assertEquals(404, status("/column-media/" + (item + 100000) + "/" + videoFile));
        assertEquals(404, status("/column-media/" + item + "/x"));

        assertEquals(204, api.delete("/api/v1/column/" + contest.code() + "/items/" + item, organiser).status());
        assertEquals(0, api.get("/api/v1/column/" + contest.code(), null, null).json().getInt("total"));
        assertEquals(404, api.get("/api/v1/column/" + contest.code() + "/items/" + item, null, null).status());
        assertEquals(404, status(mediaPath), "taken down, its video is no longer served");
        assertEquals(404, status("/column/" + contest.code() + "/" + item));
        assertEquals(List.of(), publishedEntries(contest.code()));
        assertEquals(List.of("COLUMN_PUBLISHED organiser", "COLUMN_UNPUBLISHED organiser"), audited(published));
    }

    @Test
    void anAttachmentIsNeverServedPubliclyAndTheContestPageLinksTheColumn() throws Exception {
        ColumnFixture.ContestRef contest = ColumnFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(ColumnFixture.PASSWORD), ColumnFixture.PASSWORD);
        assertFalse(page("/contest.xhtml?code=" + contest.code()).contains("id=\"columnLink\""), "nothing to read yet");
        long image = ColumnFixture.uploaded(api.upload(TestFiles.png(dir, 64, 48), "照片.png", citizen));
        long docx = ColumnFixture.uploaded(api.upload(TestFiles.docx(dir, "附件里的故事"), "故事.docx", citizen));
        long entry = ColumnFixture.draft(api, citizen, contest.code(), "STORY", contest.volunteers(), "带附件的故事",
                "<p>一个真实的禁毒故事，讲述社区的变化。</p>", null);
        ColumnFixture.attach(api, citizen, entry, image, "IMAGE");
        ColumnFixture.attach(api, citizen, entry, docx, "ATTACHMENT");
        ColumnFixture.submit(api, citizen, entry);
        RoundFixture.accept(api, organiser, contest.code(), entry);
        long item = ColumnFixture.publish(api, organiser, contest.code(), entry, true);

        assertEquals(200, status("/column-media/" + item + "/" + image));
        assertEquals(404, status("/column-media/" + item + "/" + docx), "attachments may name the author in their own text");
        assertTrue(page("/contest.xhtml?code=" + contest.code()).contains("id=\"columnLink\""));
    }

    private Api.Reply publish(String contest, long entry, boolean showAuthor) throws Exception {
        return api.post("/api/v1/column/" + contest + "/items",
                "{\"entryId\":%d,\"showAuthor\":%s}".formatted(entry, showAuthor), organiser, null);
    }

    /** A township of the demo, which a citizen's entry can name once it is enrolled. */
    private JsonObject township() throws Exception {
        JsonArray units = api.get("/api/v1/contests/HY2021", null, null).json().getJsonArray("units");
        return units.stream().map(JsonObject.class::cast).filter(u -> "TOWNSHIP".equals(u.getString("type")))
                .findFirst().orElseThrow();
    }

    private long viewCount(String contest, long item) throws Exception {
        // A forced reload (as a browser's) bypasses the public cache, which keeps counts for up to a minute.
        JsonArray items = api.with("Cache-Control", "no-cache").get("/api/v1/column/" + contest, null, null).json().getJsonArray("items");
        return items.stream().map(JsonObject.class::cast).filter(i -> i.getJsonNumber("id").longValue() == item)
                .findFirst().orElseThrow().getJsonNumber("viewCount").longValue();
    }

    /** A page as a visitor without login gets it; fails unless it answers 200. */
    private String page(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<String> audited(long entry) throws Exception {
        try (Connection db = server.connect(); PreparedStatement query = db.prepareStatement("""
                select action, actor from audit_event where subject = ? and action like 'COLUMN%' order by id""")) {
            query.setString(1, "entry:" + entry);
            try (ResultSet rows = query.executeQuery()) {
                List<String> lines = new java.util.ArrayList<>();
                while (rows.next()) {
                    lines.add(rows.getString(1) + " " + rows.getString(2));
                }
                return lines;
            }
        }
    }

    private List<Long> publishedEntries(String contest) throws Exception {
        try (Connection db = server.connect(); PreparedStatement query = db.prepareStatement("""
                select i.entry_id from column_item i join contest c on c.id = i.contest_id where c.code = ?""")) {
            query.setString(1, contest);
            try (ResultSet rows = query.executeQuery()) {
                List<Long> entries = new java.util.ArrayList<>();
                while (rows.next()) {
                    entries.add(rows.getLong(1));
                }
                return entries;
            }
        }
    }
}
