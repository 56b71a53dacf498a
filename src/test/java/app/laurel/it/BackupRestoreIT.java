package app.laurel.it;

import app.laurel.devserver.EmbeddedDatabase;
import app.laurel.devserver.PayaraProcess;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backup and restore commands, run as an operator runs them (their own JVM, configured by the portal's
 * environment variables): back up the running portal, restore into an empty MariaDB and an empty file store, start
 * a second portal on them, and find every entry and every file again, each file with the SHA-256 of its row.
 */
@Tag("faults")
@ExtendWith(LaurelServerExtension.class)
class BackupRestoreIT {

    private static final String PASSWORD = "Winter2026snow";

    @TempDir
    Path dir;

    record Submitted(String username, long entryId, String receiptNo, long fileId, String sha256) {
    }

    @Test
    void aRestoredPortalHasEveryEntryAndFileOfTheBackup(TestServer server) throws Exception {
        Api api = new Api(server);
        List<Submitted> submitted = new ArrayList<>();
        String contest = ContestFixture.likeTheDemo(api, api.token("organiser", "Laurel2026"));
        for (int i = 0; i < 3; i++) {
            submitted.add(submitStoryWithPhoto(api, contest, i));
        }
        Path backup = dir.resolve("backup");
        run("app.laurel.ops.Backup", backup, server.jdbcUrl(), server.storageDir());
        assertTrue(Files.size(backup.resolve("laurel.sql")) > 10_000, "a dump was written");

        Path restored = Path.of("target", "backup-it").toAbsolutePath();
        deleteRecursively(restored);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(restored.resolve("db"), restored.resolve("mariadb"))) {
            Path storage = restored.resolve("files");
            run("app.laurel.ops.Restore", backup, db.jdbcUrl(), storage);
            assertEveryRowAndFileIsBack(backup, db.jdbcUrl(), storage);

            Map<String, String> env = Map.of("DB_URL", db.jdbcUrl(), "DB_USER", "laurel", "DB_PASSWORD", "laurel",
                    "LAUREL_STORAGE_DIR", storage.toString(), "LAUREL_DEMO_ENABLED", "true");
            try (PayaraProcess second = PayaraProcess.start(Path.of(System.getProperty("laurel.payara.jar")),
                    Path.of(System.getProperty("laurel.war")), freePort(), env, restored.resolve("payara.log"))) {
                second.awaitReady(Duration.ofMinutes(Long.getLong("laurel.test.readyMinutes", 4)));
                Api restoredApi = new Api(second.baseUrl());
                for (Submitted entry : submitted) {
                    String token = restoredApi.token(entry.username(), PASSWORD);
                    JsonObject found = restoredApi.get("/api/v1/entries/" + entry.entryId(), token, null).json();
                    assertEquals("SUBMITTED", found.getString("status"));
                    assertEquals(entry.receiptNo(), found.getString("receiptNo"));
                    byte[] content = restoredApi.bytes("/api/v1/files/" + entry.fileId() + "/content", token);
                    assertEquals(entry.sha256(), sha256(content), "the restored portal serves the same bytes");
                }
            }
        }
    }

    private Submitted submitStoryWithPhoto(Api api, String contest, int i) throws Exception {
        String username = api.registerCitizen(PASSWORD);
        String token = api.token(username, PASSWORD);
        Path photo = TestFiles.png(Files.createDirectories(dir.resolve("photo" + i)), 300 + i, 200);
        long fileId = api.upload(photo, "照片.png", token).json().getJsonObject("file").getJsonNumber("id").longValue();
        long category = api.get("/api/v1/contests/" + contest, null, null).json().getJsonArray("categories")
                .getJsonObject(0).getJsonNumber("id").longValue();
        Api.Reply draft = api.post("/api/v1/entries", """
                {"contest":"%s","type":"STORY","categoryId":%d,"title":"备份里的故事 %d","originalityDeclared":true,\
                "displayConsent":true,"bodyHtml":"<p>%s</p>"}""".formatted(contest, category, i,
                "她每天清晨在社区禁毒宣传栏前停留，读完新贴的故事才去上班。".repeat(12)), token, null);
        assertEquals(201, draft.status(), draft.body());
        long entryId = draft.json().getJsonNumber("id").longValue();
        Api.Reply attached = api.post("/api/v1/entries/" + entryId + "/files",
                "{\"fileId\":%d,\"role\":\"IMAGE\"}".formatted(fileId), token, null);
        assertEquals(200, attached.status(), attached.body());
        Api.Reply receipt = api.post("/api/v1/entries/" + entryId + "/submit", "", token, null);
        assertEquals(200, receipt.status(), receipt.body());
        return new Submitted(username, entryId, receipt.json().getString("receiptNo"), fileId, TestFiles.sha256(photo));
    }

    /** Row counts as the backup recorded them, and each stored file on disk with its row's SHA-256. */
    private static void assertEveryRowAndFileIsBack(Path backup, String jdbcUrl, Path storage) throws Exception {
        Properties about = new Properties();
        try (Reader in = Files.newBufferedReader(backup.resolve("backup.properties"))) {
            about.load(in);
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        about.stringPropertyNames().stream().filter(k -> k.startsWith("rows.")).sorted()
                .forEach(k -> expected.put(k.substring(5), Long.parseLong(about.getProperty(k))));
        assertTrue(expected.get("entry") >= 3 && expected.get("stored_file") >= 3, "the backup holds entries: " + expected);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "laurel", "laurel"); Statement sql = db.createStatement()) {
            Map<String, Long> actual = new LinkedHashMap<>();
            for (String table : expected.keySet()) {
                try (ResultSet count = sql.executeQuery("select count(*) from `" + table + "`")) {
                    count.next();
                    actual.put(table, count.getLong(1));
                }
            }
            assertEquals(expected, actual, "every table has the rows of the backup");
            // The audit log stays append-only in the restored database: its triggers came back with it.
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> sql.executeUpdate("delete from audit_event"));
            assertEquals("45000", refused.getSQLState(), refused.getMessage());
            int files = 0;
            try (ResultSet row = sql.executeQuery("select stored_name, sha256 from stored_file")) {
                while (row.next()) {
                    String name = row.getString(1);
                    Path file = storage.resolve("files").resolve(name.substring(0, 2)).resolve(name);
                    Path copy = backup.resolve("files").resolve(name.substring(0, 2)).resolve(name);
                    // Other tests damage stored files on purpose (DamagedFilesIT): the restore must give back exactly
                    // what the backup holds; the entries made here are also checked against their rows below.
                    assertEquals(sha256(Files.readAllBytes(copy)), sha256(Files.readAllBytes(file)), name);
                    files++;
                }
            }
            assertEquals(expected.get("stored_file").intValue(), files);
        }
    }

    /** The command as the README gives it, with the portal's own environment variables. */
    private static void run(String main, Path backup, String jdbcUrl, Path storage) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createDirectories(Path.of("target", "backup-it-logs")).resolve(main.substring(main.lastIndexOf('.') + 1) + ".log");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), main,
                backup.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("DB_URL", jdbcUrl, "DB_USER", "laurel", "DB_PASSWORD", "laurel",
                "LAUREL_STORAGE_DIR", storage.toString()));
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), main + " finished");
        assertEquals(0, process.exitValue(), main + ": " + Files.readString(log));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws Exception {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
