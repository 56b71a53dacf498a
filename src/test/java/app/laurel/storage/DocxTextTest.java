package app.laurel.storage;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A name split over runs, in the body and a header, is blacked out in the copy; the source is left alone. */
class DocxTextTest {

    @TempDir
    Path dir;

    @Test
    void aNameSplitOverRunsIsBlackedOutInBodyAndHeader() throws Exception {
        Path source = dir.resolve("story.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(source)) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.createRun().setText("我叫王");
            paragraph.createRun().setBold(true);
            paragraph.getRuns().get(1).setText("小明，今年三十岁。");
            document.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun().setText("作者王小明");
            document.write(out);
        }
        byte[] before = Files.readAllBytes(source);
        Path target = dir.resolve("copy.docx");
        DocxText.hide(source, target, text -> text.replace("王小明", "■■■"));

        try (InputStream in = Files.newInputStream(target); XWPFDocument copy = new XWPFDocument(in)) {
            assertEquals("我叫■", copy.getParagraphs().get(0).getRuns().get(0).text());
            assertEquals("■■，今年三十岁。", copy.getParagraphs().get(0).getRuns().get(1).text());
            assertTrue(copy.getParagraphs().get(0).getRuns().get(1).isBold(), "formatting stays");
            assertEquals("作者■■■", copy.getHeaderList().get(0).getText().strip());
            String all = new XWPFWordExtractor(copy).getText();
            assertTrue(!all.contains("王") && !all.contains("小明"), all);
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(source)), "the source is not changed");
    }
}
