package app.laurel.publication;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateZipTest {

    private static final int PAGE = 4;

    @Test
    void everyCertificateOnceInOrderEachWithItsOwnHolderWhenRenderedOnThreeThreads() throws Exception {
        List<Long> asked = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        int written;
        try {
            written = CertificateZip.write(after -> {
                asked.add(after);
                return page(after, 11);
            }, threads, 3, zip, progress::add);
        } finally {
            threads.shutdown();
        }

        assertEquals(11, written);
        // Read a page at a time, each from where the last one ended, until an empty page.
        assertEquals(List.of(0L, 4L, 8L, 11L), asked);
        assertEquals(11, progress.size());
        assertEquals(11, progress.get(10));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            int n = 0;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                n++;
                assertEquals("HY2021-" + n + "-" + holder(n) + ".pdf", entry.getName());
                try (PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
                    String text = new PDFTextStripper().getText(pdf);
                    assertTrue(text.contains(holder(n) + "同志"), "certificate " + n + " reads: " + text);
                }
            }
            assertEquals(11, n);
        }
    }

    @Test
    void aCertificateThatCannotBePrintedStopsTheBatch() {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                    CertificateZip.write(after -> {
                        List<CertificateZip.Item> page = new ArrayList<>(page(after, 6));
                        if (after == 0) {
                            page.set(2, item(3, "𪚥".repeat(3)));
                        }
                        return page;
                    }, threads, 2, new ByteArrayOutputStream(), done -> { }));
            assertTrue(refused.getMessage().contains("no glyph"), refused.getMessage());
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void fileNamesCannotBecomePaths() {
        assertEquals("HY-1-____etc_王.pdf", CertificateZip.fileName("HY-1", "/../etc/王"));
    }

    private static List<CertificateZip.Item> page(long after, int count) {
        List<CertificateZip.Item> page = new ArrayList<>();
        for (long id = after + 1; id <= Math.min(count, after + PAGE); id++) {
            page.add(item(id, holder(id)));
        }
        return page;
    }

    private static CertificateZip.Item item(long id, String holder) {
        String serial = "HY2021-" + id;
        return new CertificateZip.Item(id, CertificateZip.fileName(serial, holder), new CertificateContent("荣誉证书",
                holder + "同志：你的作品在评选中获奖，特发此证。", holder, "作品" + id, "一等奖", "衡阳县禁毒委员会",
                LocalDate.of(2021, 6, 26), serial, "https://laurel.invalid/verify/" + serial, null, Locale.SIMPLIFIED_CHINESE));
    }

    private static String holder(long n) {
        return "王" + "一二三四五六七八九十百".charAt((int) (n - 1) % 11) + "明";
    }
}
