package app.laurel.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Contests, citizens and entries for the column's tests, made through the API as organisers and citizens do. */
final class ColumnFixture {

    static final String PASSWORD = "Column2026read";

    private ColumnFixture() {
    }

    /** A contest open for stories and videos, two categories, fifty entries per citizen; code and category ids. */
    record ContestRef(String code, long volunteers, long recovery) {
    }

    static ContestRef contest(Api api, String organiser) throws Exception {
        String code = "K" + Api.uniqueName("").toUpperCase(Locale.ROOT).substring(0, 8);
        Instant now = Instant.now();
        Api.Reply created = api.post("/api/v1/contests", """
                {"code":"%s","title":"专栏测试","phases":{"SUBMISSION":{"startsAt":"%s","endsAt":"%s"}},
                 "categories":["禁毒志愿者","社区戒毒康复"],"publicEntryLimit":50,
                 "story":{"minChars":10,"maxChars":5000,"maxImages":2,"attachmentAllowed":true},
                 "video":{"maxBytes":52428800}}"""
                .formatted(code, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3))), organiser, null);
        assertEquals(201, created.status(), created.body());
        var categories = created.json().getJsonArray("categories");
        return new ContestRef(code, categories.getJsonObject(0).getJsonNumber("id").longValue(),
                categories.getJsonObject(1).getJsonNumber("id").longValue());
    }

    /** Registers a citizen under a real-looking name and phone number; their token. */
    static String citizen(Api api, String displayName, String phone) throws Exception {
        String username = Api.uniqueName("col");
        Api.Reply registered = api.post("/api/v1/registrations", """
                {"username":"%s","displayName":"%s","phone":"%s","password":"%s"}"""
                .formatted(username, displayName, phone, PASSWORD), null, null);
        assertEquals(201, registered.status(), registered.body());
        return api.token(username, PASSWORD);
    }

    /** A draft with the author's consent to public display, as the entry form sends it; its id. */
    static long draft(Api api, String token, String contest, String type, long category, String title, String bodyHtml,
                      Long townshipId) throws Exception {
        Api.Reply created = api.post("/api/v1/entries", draftJson(contest, type, category, title, bodyHtml, townshipId, true)
                .toString(), token, null);
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonNumber("id").longValue();
    }

    static JsonObject draftJson(String contest, String type, long category, String title, String bodyHtml, Long townshipId,
                                boolean displayConsent) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("contest", contest).add("type", type)
                .add("categoryId", category).add("title", title).add("originalityDeclared", true)
                .add("displayConsent", displayConsent);
        if (bodyHtml != null) {
            json.add("bodyHtml", bodyHtml);
        }
        if (townshipId != null) {
            json.add("townshipId", townshipId);
        }
        return json.build();
    }

    static void attach(Api api, String token, long entry, long file, String role) throws Exception {
        Api.Reply attached = api.post("/api/v1/entries/" + entry + "/files", "{\"fileId\":%d,\"role\":\"%s\"}".formatted(file, role), token, null);
        assertEquals(200, attached.status(), attached.body());
    }

    static void submit(Api api, String token, long entry) throws Exception {
        Api.Reply submitted = api.post("/api/v1/entries/" + entry + "/submit", "", token, null);
        assertEquals(200, submitted.status(), submitted.body());
    }

    /** A story submitted and accepted in screening; its id. */
    static long acceptedStory(Api api, String organiser, String token, String contest, long category, String title)
            throws Exception {
        long id = draft(api, token, contest, "STORY", category, title, "<p>" + title + "：一个真实的禁毒故事，讲述社区的变化。</p>", null);
        submit(api, token, id);
        RoundFixture.accept(api, organiser, contest, id);
        return id;
    }

    /** Publishes an entry as the organiser; the column item's id. */
    static long publish(Api api, String organiser, String contest, long entry, boolean showAuthor) throws Exception {
        Api.Reply published = api.post("/api/v1/column/" + contest + "/items",
                "{\"entryId\":%d,\"showAuthor\":%s}".formatted(entry, showAuthor), organiser, null);
        assertEquals(201, published.status(), published.body());
        return published.json().getJsonNumber("id").longValue();
    }

    static long uploaded(Api.Reply upload) {
        assertEquals(200, upload.status(), upload.body());
        return upload.json().getJsonObject("file").getJsonNumber("id").longValue();
    }

    /** Page HTML with character references written out, so that a name is found however the page spells it. */
    static String decoded(String html) {
        Matcher reference = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            int codePoint = Integer.parseInt(reference.group(2), reference.group(1).isEmpty() ? 10 : 16);
            reference.appendReplacement(out, Matcher.quoteReplacement(Character.toString(codePoint)));
        }
        return reference.appendTail(out).toString();
    }
}
