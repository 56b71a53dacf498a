package app.laurel.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Killing the server (no shutdown) and starting it again keeps the data, and the demo is not loaded twice. */
@ExtendWith(LaurelServerExtension.class)
class RestartIT {

    @Test
    void dataSurvivesAKillAndTheDemoLoadsOnce(TestServer server) throws Exception {
        Api api = new Api(server);
        String password = "Autumn2026leaf";
        String citizen = api.registerCitizen(password);

        server.killAndRestartPayara();

        Api.Reply me = api.get("/api/v1/me", api.token(citizen, password), null);
        assertEquals(200, me.status(), me.body());
        assertEquals(citizen, me.json().getString("username"));
        try (Connection db = server.connect(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select (select count(*) from contest where code = 'HY2021'), "
                     + "(select count(*) from account where username = 'organiser')")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "one demo contest after a restart");
            assertEquals(1, rows.getInt(2), "one demo organiser after a restart");
        }
    }
}
