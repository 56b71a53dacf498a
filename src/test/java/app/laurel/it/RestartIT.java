package app.laurel.it;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Killing the server (no shutdown) and starting it again keeps the data and accepted files; the demo loads once. */
@ExtendWith(LaurelServerExtension.class)
class RestartIT {

    // Kills and restarts the shared portal: with the crash tests in mvn -Pfaults verify.
    @Tag("faults")
    @Test
    void dataSurvivesAKillAndTheDemoLoadsOnce(TestServer server) throws Exception {
        Api api = new Api(server);
        String password = "Autumn2026leaf";
        String citizen = api.registerCitizen(password);
        java.nio.file.Path photo = TestFiles.png(java.nio.file.Files.createTempDirectory("restart"), 320, 200);
        long fileId = api.upload(photo, "kept.png", api.token(citizen, password)).json().getJsonObject("file")
                .getJsonNumber("id").longValue();

        server.killAndRestartPayara();

        Api.Reply me = api.get("/api/v1/me", api.token(citizen, password), null);
        assertEquals(200, me.status(), me.body());
        assertEquals(citizen, me.json().getString("username"));
        java.net.http.HttpResponse<byte[]> kept = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/v1/files/" + fileId + "/content"))
                        .header("Authorization", "Bearer " + api.token(citizen, password)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, kept.statusCode(), "an accepted upload survives the kill");
        assertEquals(TestFiles.sha256(photo), java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(kept.body())));
        try (Connection db = server.connect(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select (select count(*) from contest where code = 'HY2021'), "
                     + "(select count(*) from account where username = 'organiser')")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "one demo contest after a restart");
            assertEquals(1, rows.getInt(2), "one demo organiser after a restart");
        }
    }
}
