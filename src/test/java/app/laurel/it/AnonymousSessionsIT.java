package app.laurel.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, item 2: the pages anyone opens without logging in (a shared 公示 link, the column, a certificate's QR
 * code, a contest, the home page) give an anonymous visitor no HTTP session, so a crowd of them cannot fill the heap
 * with sessions holding view state. Plain HTTP that keeps no cookies, as thousands of first-time visitors are.
 */
@ExtendWith(LaurelServerExtension.class)
class AnonymousSessionsIT {

    private static final Pattern LINKED =
            Pattern.compile("(?:src|href)=\"(/(?:jakarta\\.faces\\.resource|qr|column-media/)[^\"]*)\"");

    private TestServer server;
    private Api api;
    private String organiser;

    @BeforeEach
    void connect(TestServer server) throws Exception {
        this.server = server;
        this.api = new Api(server);
        this.organiser = api.token("organiser", "Laurel2026");
    }

    @Test
    void publicPagesCreateNoSessionForAnAnonymousVisitor() throws Exception {
        RoundFixture.ContestRef judged = RoundFixture.contest(api, organiser);
        RoundFixture.NoticeRef notice = RoundFixture.publishedNotice(api, organiser, judged, Duration.ofDays(5),
                "公示里的故事", "第二篇", "第三篇");

        RoundFixture.ContestRef awarded = RoundFixture.contest(api, organiser);
        RoundFixture.acceptedEntry(api, organiser, awarded, "获奖的故事");
        RoundFixture.acceptedEntry(api, organiser, awarded, "另一篇");
        String serial = UnitCertificatesIT.certificateOf(server, api, organiser, awarded.code(), "获奖的故事");

        ColumnFixture.ContestRef column = ColumnFixture.contest(api, organiser);
        String citizen = api.token(api.registerCitizen(ColumnFixture.PASSWORD), ColumnFixture.PASSWORD);
        long story = ColumnFixture.publish(api, organiser, column.code(),
                ColumnFixture.acceptedStory(api, organiser, citizen, column.code(), column.volunteers(), "专栏里的故事"), true);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "heroTitle");
        pages.put("/contest.xhtml?code=" + judged.code(), "contestTitle");
        pages.put("/n/" + notice.code(), "fileObjection");
        pages.put("/notice.xhtml?code=" + notice.code(), "fileObjection");
        pages.put("/column/" + column.code(), "专栏里的故事");
        pages.put("/column/" + column.code() + "?category=" + column.volunteers() + "&page=1", "专栏里的故事");
        pages.put("/column/" + column.code() + "/" + story, "storyTitle");
        pages.put("/verify/" + serial, "获奖的故事");
        Set<String> resources = new TreeSet<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Api.Reply reply = api.get(page.getKey(), null, null);
            assertEquals(200, reply.status(), page.getKey() + ": " + reply.body());
            assertTrue(reply.body().contains(page.getValue()), page.getKey() + " shows " + page.getValue() + ": " + reply.body());
            assertNoSession(page.getKey(), reply);
            resources.addAll(linked(reply.body()));
        }
        // What the pages load with them: the style sheets and scripts, the notice's QR code, the column's pictures.
        assertTrue(resources.stream().anyMatch(r -> r.contains("jakarta.faces.resource")) && resources.stream().anyMatch(r -> r.startsWith("/qr/")),
                resources.toString());
        for (String resource : resources) {
            Api.Reply reply = api.get(resource, null, null);
            assertEquals(200, reply.status(), resource);
            assertNoSession(resource, reply);
        }
        for (String missing : List.of("/verify/" + awarded.code() + "-0000-0000-0000", "/n/zzzz9999", "/column/NOSUCH1")) {
            Api.Reply reply = api.get(missing, null, null);
            assertEquals(404, reply.status(), missing + ": " + reply.body());
            assertNoSession(missing, reply);
        }
        Api.Reply english = api.get("/n/" + notice.code(), null, "en");
        assertEquals(200, english.status());
        assertNoSession("/n/ in English", english);
    }

    private static List<String> linked(String html) {
        return LINKED.matcher(html).results().map(m -> m.group(1).replace("&amp;", "&")).toList();
    }

    private static void assertNoSession(String path, Api.Reply reply) {
        List<String> cookies = reply.raw().headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().noneMatch(c -> c.toUpperCase().startsWith("JSESSIONID")),
                "an anonymous GET of " + path + " set " + cookies);
    }
}
