package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: the public pages and their JSON are served to strangers from a cache, with an ETag (a repeat visit gets
 * 304) and {@code Cache-Control: public} for a CDN, and without a session; a logged-in person gets their own page,
 * never stored; and a change made by an organiser shows on the page and in the JSON at once, under a new ETag.
 */
@ExtendWith({LaurelServerExtension.class, BrowserExtension.class})
class PublicCacheIT {

    @Test
    void strangersShareACachedNoticeThatChangesTheMomentAnObjectionIsUpheld(TestServer server, WebDriver browser) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, RoundFixture.contest(api, organiser),
                Duration.ofDays(5), "缓存里的第一名", "缓存里的第二名", "缓存里的第三名");
        String page = "/n/" + notice.code();
        String json = "/api/v1/notices/public/" + notice.code();
        String pageTag = shared(api, page, "Cookie");
        String jsonTag = shared(api, json, "Accept-Language");
        Api.Reply chinese = api.get(page, null, null);
        assertTrue(chinese.body().contains("提出异议") && !chinese.body().contains("缓存里的第三名"), chinese.body());
        Api.Reply english = api.with("Cookie", "laurel_lang=en").get(page, null, null);
        assertTrue(english.body().contains(">Object<") && !english.body().contains("提出异议"),
                "the English reader does not get the Chinese copy: " + english.body());
        assertNotEquals(pageTag, english.raw().headers().firstValue("ETag").orElseThrow());

        Api.Reply filed = api.from("10.15.0.1").post(json + "/objections", """
                {"realName":"张建国","phone":"13900001111","entry":"R1-001","reasons":"该作品与某报2019年刊登的文章雷同，涉嫌抄袭。"}""",
                null, null);
        assertEquals(201, filed.status(), filed.body());
        long objection = api.get("/api/v1/notices/" + notice.id() + "/objections", organiser, null).structure().asJsonArray()
                .getJsonObject(0).getJsonNumber("id").longValue();
        Api.Reply upheld = api.post("/api/v1/notices/objections/" + objection + "/decision",
                "{\"decision\":\"UPHOLD\",\"investigation\":\"经比对，异议属实。\"}", organiser, null);
        assertEquals(200, upheld.status(), upheld.body());

        Api.Reply corrected = api.with("If-None-Match", pageTag).get(page, null, null);
        assertEquals(200, corrected.status(), "the old copy is no longer current");
        assertTrue(corrected.body().contains("缓存里的第三名"), "the promoted entry shows at once: " + corrected.body());
        assertNotEquals(pageTag, corrected.raw().headers().firstValue("ETag").orElseThrow());
        Api.Reply correctedJson = api.with("If-None-Match", jsonTag).get(json, null, null);
        assertEquals(200, correctedJson.status());
        assertTrue(correctedJson.body().contains("缓存里的第三名"), correctedJson.body());
        assertNotEquals(jsonTag, correctedJson.raw().headers().firstValue("ETag").orElseThrow());

        // Someone logged in gets a page of their own (their name in the header), never stored nor shared.
        PageActions.logIn(browser, server, "citizen", "Laurel2026");
        String session = PageActions.cookieHeader(browser);
        Api.Reply personal = api.with("Cookie", session).get(page, null, null);
        assertEquals(200, personal.status());
        assertTrue(personal.body().contains("navAccount"), personal.body());
        assertEquals("private, no-store", personal.raw().headers().firstValue("Cache-Control").orElse(""));
        assertTrue(personal.raw().headers().firstValue("ETag").isEmpty());
        Api.Reply stranger = api.get(page, null, null);
        assertFalse(stranger.body().contains("navAccount"), "a stranger never gets the logged-in page");
        Api.Reply ownPage = api.with("Cookie", session).get("/account/certificates.xhtml", null, null);
        assertFalse(ownPage.raw().headers().firstValue("Cache-Control").orElse("").contains("public"),
                "a logged-in person's own pages are not for shared caches");
    }

    @Test
    void theColumnAndAVerificationChangeAtOnceWhenAStoryIsTakenDownOrACertificateRevoked(TestServer server) throws Exception {
        Api api = new Api(server);
        String organiser = api.token("organiser", "Laurel2026");
        ColumnFixture.ContestRef column = ColumnFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(ColumnFixture.PASSWORD), ColumnFixture.PASSWORD);
        long kept = ColumnFixture.publish(api, organiser, column.code(), ColumnFixture.acceptedStory(api, organiser, citizen,
                column.code(), column.volunteers(), "留在专栏的故事"), true);
        long removed = ColumnFixture.publish(api, organiser, column.code(), ColumnFixture.acceptedStory(api, organiser, citizen,
                column.code(), column.volunteers(), "将被撤下的故事"), true);
        String list = "/column/" + column.code();
        String listJson = "/api/v1/column/" + column.code();
        shared(api, list, "Cookie");
        shared(api, listJson, "Accept-Language");
        assertTrue(ColumnFixture.decoded(api.get(list, null, null).body()).contains("将被撤下的故事"));
        assertEquals(204, api.delete("/api/v1/column/" + column.code() + "/items/" + removed, organiser).status());
        for (String path : List.of(list, listJson)) {
            String now = ColumnFixture.decoded(api.get(path, null, null).body());
            assertTrue(now.contains("留在专栏的故事") && !now.contains("将被撤下的故事"), path + " still shows the story: " + now);
        }
        assertEquals(404, api.get(list + "/" + removed, null, null).status());
        shared(api, list + "/" + kept, "Cookie");

        RoundFixture.ContestRef awarded = RoundFixture.contest(api, organiser);
        RoundFixture.acceptedEntry(api, organiser, awarded, "缓存的获奖作品");
        RoundFixture.acceptedEntry(api, organiser, awarded, "另一篇获奖作品");
        String serial = UnitCertificatesIT.certificateOf(server, api, organiser, awarded.code(), "缓存的获奖作品");
        String verify = "/verify/" + serial;
        String verifyJson = "/api/v1/certificates/verify/" + serial;
        shared(api, verify, "Cookie");
        shared(api, verifyJson, "Accept-Language");
        assertEquals(200, api.post("/api/v1/certificates/" + serial + "/revoke", "{\"reason\":\"获奖者本人申请撤回\"}", organiser, null).status());
        assertTrue(ColumnFixture.decoded(api.get(verify, null, null).body()).contains("获奖者本人申请撤回"), "revoked at once");
        assertEquals("REVOKED", api.get(verifyJson, null, null).json().getString("status"));
    }

    /**
     * A stranger's GET: 200 with an ETag, public caching, Vary, no cookie; the same again with that ETag: 304 and
     * no body. The ETag.
     */
    private static String shared(Api api, String path, String vary) throws Exception {
        Api.Reply first = api.get(path, null, null);
        assertEquals(200, first.status(), path + ": " + first.body());
        var headers = first.raw().headers();
        assertTrue(headers.allValues("Set-Cookie").isEmpty(), path + " set " + headers.allValues("Set-Cookie"));
        String control = headers.firstValue("Cache-Control").orElse("");
        assertTrue(control.contains("public") && control.contains("s-maxage=60") && control.contains("max-age=0"), path + ": Cache-Control " + control);
        assertEquals(vary, headers.firstValue("Vary").orElse(""), path);
        String etag = headers.firstValue("ETag").orElseThrow(() -> new AssertionError(path + " has no ETag"));
        assertTrue(etag.startsWith("\""), etag);
        // As a browser or a CDN asks: over HTTP/1.1. (Java's client would ask for a cleartext HTTP/2 upgrade, which no
        // browser does, and on which Grizzly now and then drops a 304 answered inside a short link's forward.)
        java.net.http.HttpResponse<String> again = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + path))
                        .header("If-None-Match", etag).timeout(Duration.ofSeconds(30)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode(), path);
        assertEquals(etag, again.headers().firstValue("ETag").orElse(""), path);
        // A browser puts the 304's headers on its stored copy: the policy must still allow that copy's scripts.
        assertEquals(headers.firstValue("Content-Security-Policy").orElse(""),
                again.headers().firstValue("Content-Security-Policy").orElse(""), path);
        assertEquals("", again.body());
        return etag;
    }
}
