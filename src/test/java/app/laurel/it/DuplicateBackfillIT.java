package app.laurel.it;

import app.laurel.submission.CopiedStories;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Entries submitted before the similarity index existed (schema V13 dropped the old Jaccard flags and has no
 * fingerprints for them) are indexed and checked when the portal starts, so a copy among them is flagged.
 * A restart of the shared portal: in the faults suite ({@code mvn -Pfaults verify}) with the other restarts.
 */
@ExtendWith(LaurelServerExtension.class)
class DuplicateBackfillIT {

    @Test
    @Tag("faults")
    void entriesSubmittedBeforeTheIndexAreCheckedAfterARestart(TestServer server) throws Exception {
        Api api = new Api(server);
        String contest = ContestFixture.likeTheDemo(api, api.token("organiser", "Laurel2026"));
        String marker = Api.uniqueName("");
        long original = ScreeningBrowserIT.submit(api, contest, "旧原作" + marker, ScreeningApiIT.paragraphs(CopiedStories.original()))
                .getJsonNumber("id").longValue();
        long copy = ScreeningBrowserIT.submit(api, contest, "旧抄件" + marker, ScreeningApiIT.paragraphs(CopiedStories.copying(0.90, 2, 10)))
                .getJsonNumber("id").longValue();
        // The check that follows each submission must be over before its results are wiped, or it flags the copy again.
        DuplicateChecks.awaitChecked(server, original, copy);
        try (Connection db = server.connect(); Statement sql = db.createStatement()) {
            // As an upgraded database has them: submitted, but neither indexed nor flagged.
            String ids = original + "," + copy;
            sql.executeUpdate("delete from similarity_flag where entry_a_id in (" + ids + ") or entry_b_id in (" + ids + ")");
            sql.executeUpdate("delete from similarity_fingerprint where entry_id in (" + ids + ")");
            sql.executeUpdate("delete from similarity_sketch where entry_id in (" + ids + ")");
        }
        String organiser = api.token("organiser", "Laurel2026");
        assertTrue(flagged(api, organiser, contest, original, copy).isEmpty(), "the flag is gone before the restart");

        server.killAndRestartPayara();

        long deadline = System.nanoTime() + 60_000_000_000L;
        String found = "";
        while (System.nanoTime() < deadline && (found = flagged(api, api.token("organiser", "Laurel2026"), contest, original, copy)).isEmpty()) {
            Thread.sleep(1_000);
        }
        assertTrue(found.contains("\"score\""), "the copy is flagged against the original after the restart");
    }

    private static String flagged(Api api, String organiser, String contest, long original, long copy) throws Exception {
        return api.get("/api/v1/screening/" + contest + "/duplicates", organiser, null).structure().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(f -> f.getJsonNumber("entryA").longValue() == copy && f.getJsonNumber("entryB").longValue() == original)
                .map(JsonObject::toString).findFirst().orElse("");
    }
}
