package app.laurel.submission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contest's ZIP as someone unzipping it on Windows meets it: every file where its unit and receipt say, with its
 * bytes intact, and no name that escapes the folder, that Windows refuses, or that overwrites another.
 */
class EntryFilesZipTest {

    @TempDir
    Path storage;

    @Test
    void namesPeopleTypedBecomeHarmlessSegments() {
        assertEquals("_.._etc_passwd", ZipPaths.segment("../../etc/passwd"));
        assertEquals("C__Windows_win.ini", ZipPaths.segment("C:\\Windows\\win.ini"));
        assertEquals("hidden", ZipPaths.segment(" ..hidden. "), "no leading dot that hides, no trailing dot Windows drops");
        assertEquals("_", ZipPaths.segment(".."));
        assertEquals("_", ZipPaths.segment(null));
        assertEquals("_CON.txt", ZipPaths.segment("CON.txt"));
        assertEquals("a_b", ZipPaths.segment("a\u0000b"));
        assertEquals("县公安局", ZipPaths.segment("县公安局"));
        String long_ = "很".repeat(200) + ".docx";
        String cut = ZipPaths.segment(long_);
        assertEquals(ZipPaths.MAX_LENGTH, cut.length());
        assertTrue(cut.endsWith(".docx"), "the extension survives the cut: " + cut);
    }

    @Test
    void aNameIsGivenOnceInAFolderWithoutRegardToCase() {
        ZipPaths folder = new ZipPaths();
        assertEquals("照片.png", folder.unique("照片.png"));
        assertEquals("照片 (2).png", folder.unique("照片.png"));
        assertEquals("照片 (3).PNG", folder.unique("照片.PNG"));
        assertEquals("README", folder.unique("README"));
        assertEquals("readme (2)", folder.unique("readme"));
    }

    @Test
    void everyFileLandsUnderItsUnitAndReceiptWithItsBytes() throws Exception {
        Map<String, byte[]> stored = new LinkedHashMap<>();
        List<EntryFilesZip.Row> rows = new ArrayList<>();
        rows.add(row(stored, 1, "HY-0001", "u7", "县公安局", "故事.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        rows.add(row(stored, 1, "HY-0001", "u7", "县公安局", "故事.docx", "application/pdf"));
        rows.add(row(stored, 2, "HY-0002", "u8", "../西渡镇", "../../evil.pdf", "application/pdf"));
        rows.add(row(stored, 3, "HY-0003", "u9", "西渡镇", "片子.mp4", "video/mp4")); // another unit, the same name once made safe
        rows.add(row(stored, 4, "HY-0004", "citizens", "个人投稿", "a.png", "image/png"));
        List<int[]> reported = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EntryFilesZip zip = new EntryFilesZip(out, storage::resolve, (files, bytes) -> reported.add(new int[] {files, (int) bytes}));
        for (EntryFilesZip.Row row : rows) {
            zip.add(row);
        }
        zip.finish();

        Map<String, String> found = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                found.put(entry.getName(), sha256(in.readAllBytes()));
            }
        }
        assertEquals(List.of("县公安局/HY-0001/故事.docx", "县公安局/HY-0001/故事 (2).docx", "_西渡镇/HY-0002/_.._evil.pdf",
                "西渡镇/HY-0003/片子.mp4", "个人投稿/HY-0004/a.png"), List.copyOf(found.keySet()));
        List<String> expected = stored.values().stream().map(EntryFilesZipTest::sha256).toList();
        assertEquals(expected, List.copyOf(found.values()), "every file's bytes as stored");
        assertEquals(5, reported.get(reported.size() - 1)[0]);
        assertEquals(stored.values().stream().mapToInt(b -> b.length).sum(), reported.get(reported.size() - 1)[1]);
        assertFalse(found.keySet().stream().flatMap(n -> List.of(n.split("/")).stream()).anyMatch(".."::equals));
    }

    @Test
    void aZipOfNothingIsAValidEmptyZip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EntryFilesZip(out, storage::resolve, (files, bytes) -> { }).finish();
        byte[] zip = out.toByteArray();
        assertEquals(22, zip.length, "the end of central directory record alone");
        assertEquals(0x06054b50, (zip[0] & 0xff) | (zip[1] & 0xff) << 8 | (zip[2] & 0xff) << 16 | (zip[3] & 0xff) << 24);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            assertNull(in.getNextEntry());
        }
    }

    private EntryFilesZip.Row row(Map<String, byte[]> stored, long entry, String receipt, String key, String unit, String name,
                                  String type) throws Exception {
        String storedName = "f" + stored.size();
        byte[] bytes = (storedName + " " + name + " ").repeat(5000 + stored.size()).getBytes(StandardCharsets.UTF_8);
        Files.write(storage.resolve(storedName), bytes);
        stored.put(storedName, bytes);
        return new EntryFilesZip.Row(entry, receipt, key, unit, name, storedName, bytes.length, type, Instant.parse("2026-11-30T02:00:00Z"));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
