package app.laurel.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A contest of the test's own, set up like the demo contest HY2021 (its phases, categories, entry rules, citizens'
 * limit and enrolled units, each at its default quota): a test that submits, screens or recommends keeps the
 * demo's rules (300–5000 characters, …) without writing into the contest every other test and the demo share.
 */
final class ContestFixture {

    static final String DEMO = "HY2021";

    private ContestFixture() {
    }

    /** The new contest's code. */
    static String likeTheDemo(Api api, String organiser) throws Exception {
        return like(api, organiser, DEMO);
    }

    /** A new contest set up like contest {@code model}; its code. */
    static String like(Api api, String organiser, String model) throws Exception {
        JsonObject demo = api.get("/api/v1/contests/" + model, null, null).json();
        String code = "D" + Api.uniqueName("").toUpperCase(Locale.ROOT).substring(0, 8);
        JsonObjectBuilder phases = Json.createObjectBuilder();
        demo.getJsonArray("phases").stream().map(JsonValue::asJsonObject).forEach(p -> phases.add(p.getString("kind"),
                Json.createObjectBuilder().add("startsAt", p.getString("startsAt")).add("endsAt", p.getString("endsAt"))));
        JsonArrayBuilder categories = Json.createArrayBuilder();
        demo.getJsonArray("categories").stream().map(JsonValue::asJsonObject).forEach(c -> categories.add(c.getString("name")));
        JsonObjectBuilder settings = Json.createObjectBuilder().add("code", code).add("title", demo.getString("title") + "（测试）")
                .add("organisingBody", demo.getString("organisingBody", "县禁毒办")).add("phases", phases).add("categories", categories)
                .add("publicEntryLimit", demo.getInt("publicEntryLimit"));
        for (JsonObject rule : demo.getJsonArray("rules").getValuesAs(JsonObject.class)) {
            if (rule.getString("type").equals("STORY")) {
                settings.add("story", Json.createObjectBuilder().add("minChars", rule.getInt("minChars"))
                        .add("maxChars", rule.getInt("maxChars")).add("maxImages", rule.getInt("maxImages"))
                        .add("attachmentAllowed", rule.getBoolean("attachmentAllowed")));
            } else {
                JsonObjectBuilder video = Json.createObjectBuilder();
                for (String[] key : new String[][] {{"maxVideoBytes", "maxBytes"}, {"minSeconds", "minSeconds"}, {"maxSeconds", "maxSeconds"}}) {
                    if (rule.get(key[0]) instanceof jakarta.json.JsonNumber number) { // left out of the JSON when empty
                        video.add(key[1], number);
                    }
                }
                settings.add("video", video);
            }
        }
        Api.Reply created = api.post("/api/v1/contests", settings.build().toString(), organiser, null);
        assertEquals(201, created.status(), created.body());
        for (JsonObject unit : demo.getJsonArray("units").getValuesAs(JsonObject.class)) {
            Api.Reply enrolled = api.post("/api/v1/contests/" + code + "/units", "{\"unitId\":" + unit.getJsonNumber("id") + "}",
                    organiser, null);
            assertEquals(200, enrolled.status(), enrolled.body());
        }
        return code;
    }

    /** The id of the contest's category at {@code index}. */
    static long category(Api api, String code, int index) throws Exception {
        return api.get("/api/v1/contests/" + code, null, null).json().getJsonArray("categories")
                .getJsonObject(index).getJsonNumber("id").longValue();
    }
}
