package app.laurel.storage;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.helpers.DefaultHandler;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Photos and videos as a phone or an editor leaves them, with the author's name, copyright and GPS position in
 * their metadata, made on the spot (Commons Imaging writes the EXIF and XMP, ffmpeg the MP4 tags); and Tika to
 * read back what metadata a file still carries. Shared by the stripper's unit tests and the judging IT.
 */
public final class MediaSamples {

    public static final String ARTIST = "摄影师张三";
    public static final String COPYRIGHT = "版权所有张三2026";
    public static final String TITLE = "张三的秘密标题";
    public static final String COMMENT = "作者电话13800000000";
    public static final double LATITUDE = 26.9;
    public static final double LONGITUDE = 112.6;

    private MediaSamples() {
    }

    /** A 64×32 JPEG (wider than high) with EXIF Artist, Copyright, GPS and the given orientation, and an XMP creator. */
    public static Path jpeg(Path dir, int orientation) throws Exception {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1E5AB3));
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ARTIST, ARTIST);
        root.add(TiffTagConstants.TIFF_TAG_COPYRIGHT, COPYRIGHT);
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        exif.setGpsInDegrees(LONGITUDE, LATITUDE);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withExif, exif);
        Path out = dir.resolve("photo-" + orientation + ".jpg");
        try (OutputStream file = Files.newOutputStream(out)) {
            new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), file, """
                    <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"""
                    .formatted(ARTIST));
        }
        return out;
    }

    /** An MP4 with title, artist and comment tags, as ffmpeg writes them (moov/udta/meta/ilst). */
    public static Path mp4(Path dir, boolean movieFirst) throws IOException, InterruptedException {
        Path out = dir.resolve("tagged-" + movieFirst + ".mp4");
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi",
                "-i", "testsrc=size=160x120:rate=5:duration=2", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-metadata", "title=" + TITLE, "-metadata", "artist=" + ARTIST,
                "-metadata", "comment=" + COMMENT));
        if (movieFirst) {
            command.addAll(List.of("-movflags", "+faststart"));
        }
        command.add(out.toString());
        Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(ffmpeg.getInputStream().readAllBytes());
        if (!ffmpeg.waitFor(120, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + log);
        }
        return out;
    }

    /** Everything Tika reads from the file's metadata, names and values, as one string to search. */
    public static String metadata(InputStream content) throws Exception {
        Metadata metadata = new Metadata();
        try (TikaInputStream in = TikaInputStream.get(content)) {
            new AutoDetectParser().parse(in, new DefaultHandler(), metadata, new ParseContext());
        }
        StringBuilder all = new StringBuilder();
        for (String name : metadata.names()) {
            all.append(name).append('=').append(String.join("|", metadata.getValues(name))).append('\n');
        }
        return all.toString();
    }
}
