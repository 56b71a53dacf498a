package app.laurel.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Judges score photos and videos blind too: the copies keep the picture and lose who took it and where. */
class MediaStripperTest {

    @TempDir
    Path dir;

    @Test
    void aJudgesJpegLosesArtistCopyrightGpsAndXmpButKeepsItsPixelsAndOrientation() throws Exception {
        Path photo = MediaSamples.jpeg(dir, 6);
        String before = MediaSamples.metadata(Files.newInputStream(photo));
        assertTrue(before.contains(MediaSamples.ARTIST) && before.contains("GPS"), "the sample carries them: " + before);

        Path copy = strip(photo, "image/jpeg");

        String after = MediaSamples.metadata(Files.newInputStream(copy));
        for (String gone : new String[]{MediaSamples.ARTIST, MediaSamples.COPYRIGHT, "GPS", "26.9", "112.6", "creator"}) {
            assertFalse(after.contains(gone), gone + " is gone: " + after);
        }
        assertFalse(contains(Files.readAllBytes(copy), MediaSamples.ARTIST), "not even in an unparsed segment");
        assertTrue(after.contains("Orientation=6") || after.contains("tiff:Orientation=6"), "still stands upright: " + after);
        BufferedImage original = ImageIO.read(photo.toFile());
        BufferedImage judges = ImageIO.read(copy.toFile());
        assertEquals(original.getWidth(), judges.getWidth());
        assertEquals(original.getRGB(5, 5), judges.getRGB(5, 5), "not re-encoded: the same pixels");
    }

    @Test
    void aJpegWithoutOrientationGetsNoExifAtAll() throws Exception {
        Path copy = strip(MediaSamples.jpeg(dir, 1), "image/jpeg");
        assertFalse(contains(Files.readAllBytes(copy), "Exif"), "no EXIF block left");
        assertEquals(64, ImageIO.read(copy.toFile()).getWidth());
    }

    @Test
    void aJudgesPngLosesItsTextAndXmpChunksAndADamagedOneIsRefused() throws Exception {
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(3, 3, 0x80FF0000);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "png", plain);
        byte[] bytes = plain.toByteArray();
        byte[] tagged = insertAfterHeader(bytes, chunk("tEXt", "Author\0" + "Zhang San"),
                chunk("iTXt", "XML:com.adobe.xmp\0\0\0\0\0<dc:creator>" + MediaSamples.ARTIST + "</dc:creator>"));
        Path photo = Files.write(dir.resolve("tagged.png"), tagged);

        Path copy = strip(photo, "image/png");

        byte[] judges = Files.readAllBytes(copy);
        assertFalse(contains(judges, "Zhang San") || contains(judges, MediaSamples.ARTIST) || contains(judges, "tEXt"));
        assertArrayEquals(bytes, judges, "exactly the picture ImageIO wrote, chunk for chunk");
        assertEquals(0x80FF0000, ImageIO.read(copy.toFile()).getRGB(3, 3));

        tagged[tagged.length - 20] ^= 0x55;
        Files.write(photo, tagged);
        assertThrows(IOException.class, () -> MetadataStripper.check(photo, "image/png"), "a damaged chunk is refused");
        Files.write(photo, Arrays.copyOf(bytes, bytes.length - 12));
        assertThrows(IOException.class, () -> MetadataStripper.check(photo, "image/png"), "so is a cut-off file");
    }

    @Test
    void aJudgesVideoLosesTitleArtistAndCommentWhereverTheMovieBoxIs() throws Exception {
        for (boolean movieFirst : new boolean[]{false, true}) {
            Path video = MediaSamples.mp4(dir, movieFirst);
            String before = MediaSamples.metadata(Files.newInputStream(video));
            assertTrue(before.contains(MediaSamples.TITLE) && before.contains(MediaSamples.ARTIST), before);

            Path copy = strip(video, "video/mp4");

            byte[] judges = Files.readAllBytes(copy);
            assertEquals(Files.size(video), judges.length, "same size: the sample tables' offsets still hold");
            for (String gone : new String[]{MediaSamples.TITLE, MediaSamples.ARTIST, MediaSamples.COMMENT}) {
                assertFalse(contains(judges, gone), gone + " is gone (moov first: " + movieFirst + ")");
            }
            String after;
            try (InputStream in = Files.newInputStream(copy)) {
                after = MediaSamples.metadata(in);
            }
            assertTrue(after.contains("xmpDM:duration=2"), "still a playable two-second video: " + after);
            assertEquals(0, ffmpegDecodeErrors(copy), "ffmpeg decodes every frame");
        }
    }

    @Test
    void aTruncatedVideoIsRefused() throws Exception {
        Path video = MediaSamples.mp4(dir, true);
        byte[] bytes = Files.readAllBytes(video);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
        IOException refused = assertThrows(IOException.class, () -> MetadataStripper.check(cut, "video/mp4"));
        assertTrue(refused.getMessage().contains("mdat"), refused.getMessage());
        // ffmpeg writes ftyp (32 bytes) and free (8) first: cut there, the file has no movie box at all.
        Path noMovie = Files.write(dir.resolve("nomovie.mp4"), Arrays.copyOf(Files.readAllBytes(MediaSamples.mp4(dir, false)), 40));
        assertThrows(IOException.class, () -> MetadataStripper.check(noMovie, "video/mp4"), "the movie box is missing");
    }

    private Path strip(Path source, String mediaType) throws IOException {
        Path copy = dir.resolve("judges-" + source.getFileName());
        MetadataStripper.strip(source, mediaType, copy);
        return copy;
    }

    private static int ffmpegDecodeErrors(Path video) throws Exception {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", video.toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        String log = new String(ffmpeg.getInputStream().readAllBytes());
        ffmpeg.waitFor();
        return ffmpeg.exitValue() + (int) log.lines().count();
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= haystack.length - bytes.length; i++) {
            for (int j = 0; j < bytes.length; j++) {
                if (haystack[i + j] != bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] chunk(String type, String data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        byte[] dataBytes = data.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(dataBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream chunk = new DataOutputStream(out);
        chunk.writeInt(dataBytes.length);
        chunk.write(typeBytes);
        chunk.write(dataBytes);
        chunk.writeInt((int) crc.getValue());
        return out.toByteArray();
    }

    /** Puts chunks right after IHDR (8-byte signature + 25-byte IHDR chunk), where editors write them. */
    private static byte[] insertAfterHeader(byte[] png, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }
}
