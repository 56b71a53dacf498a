package app.laurel.storage;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegRewriter;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The judges' copy of a photo: the same pixels, not re-encoded, without EXIF, XMP, IPTC or comments, where
 * cameras and editors write the photographer's name, copyright, the camera's owner and serial and the GPS position.
 * <p>
 * A JPEG keeps only what decoding needs (tables, frames, the JFIF header, Adobe's colour transform and the ICC
 * colour profile); if the camera recorded an EXIF orientation, a new EXIF block holding only that orientation is
 * written, so a portrait photo still stands upright. A PNG keeps its critical chunks and the ancillary ones that
 * change how it looks (transparency, colour space, gamma, pixel size, animation); text, XMP, EXIF and time chunks go.
 * Photos are at most {@link UploadService#MAX_IMAGE_BYTES}, so a JPEG may pass through memory; a PNG is streamed.
 */
final class ImageStripper {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Ancillary PNG chunks that affect what is seen; everything else ancillary is metadata and dropped. */
    private static final Set<String> PNG_KEPT = Set.of("tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs",
            "acTL", "fcTL", "fdAT");
    private static final int APP0 = 0xFFE0;
    private static final int APP2 = 0xFFE2;
    private static final int APP14 = 0xFFEE;
    private static final int APP15 = 0xFFEF;
    private static final int COM = 0xFFFE;
    private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

    private ImageStripper() {
    }

    static boolean applies(String mediaType) {
        return JPEG.equals(mediaType) || PNG.equals(mediaType);
    }

    /** Writes {@code target} (which must exist, and is overwritten) as {@code source} without its metadata. */
    static void strip(Path source, String mediaType, Path target) throws IOException {
        if (PNG.equals(mediaType)) {
            stripPng(source, target);
        } else {
            stripJpeg(source, target);
        }
    }

    private static void stripJpeg(Path source, Path target) throws IOException {
        int orientation = orientation(source);
        ByteArrayOutputStream bare = new ByteArrayOutputStream();
        new JpegSegments().writeWithoutMetadata(ByteSource.path(source), bare);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            if (orientation <= 1) {
                bare.writeTo(out);
            } else {
                TiffOutputSet exif = new TiffOutputSet();
                exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
                new ExifRewriter().updateExifMetadataLossless(bare.toByteArray(), out, exif);
            }
        }
    }

    /** The EXIF orientation (1 to 8); 1, upright, when there is none or the EXIF cannot be read. */
    private static int orientation(Path source) {
        try {
            ImageMetadata metadata = Imaging.getMetadata(source.toFile());
            if (metadata instanceof JpegImageMetadata jpeg) {
                TiffField field = jpeg.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_ORIENTATION);
                int value = field == null ? 1 : field.getIntValue();
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (IOException | RuntimeException e) {
            // A broken EXIF block is dropped with the rest; the photo shows as stored.
        }
        return 1;
    }

    /** Commons Imaging splits the JPEG into segments; only the segments decoding needs are written back. */
    private static final class JpegSegments extends JpegRewriter {

        void writeWithoutMetadata(ByteSource source, OutputStream out) throws IOException {
            JFIFPieces jfif;
            try {
                jfif = analyzeJfif(source);
            } catch (ImagingException | RuntimeException e) {
                throw new IOException("not a readable JPEG: " + e.getMessage(), e);
            }
            List<JFIFPiece> kept = jfif.pieces.stream()
                    .filter(piece -> !(piece instanceof JFIFPieceSegment segment) || keeps(segment)).toList();
            writeSegments(out, kept);
        }

        private static boolean keeps(JFIFPieceSegment segment) {
            int marker = segment.marker;
            if (marker == COM) {
                return false;
            }
            if (marker < APP0 || marker > APP15) {
                return true;
            }
            return marker == APP0 || marker == APP14 || marker == APP2 && startsWith(segment.getSegmentData(), ICC_PROFILE);
        }

        private static boolean startsWith(byte[] data, byte[] prefix) {
            return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
        }
    }

    /** Copies chunk by chunk, checking each chunk's CRC, so a damaged or truncated PNG is refused, not copied. */
    private static void stripPng(Path source, Path target) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(source)));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(target)))) {
            if (!Arrays.equals(in.readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE)) {
                throw new IOException("not a PNG");
            }
            out.write(PNG_SIGNATURE);
            byte[] buffer = new byte[64 * 1024];
            String type = "";
            while (!"IEND".equals(type)) {
                int length = in.readInt();
                byte[] typeBytes = in.readNBytes(4);
                if (length < 0 || typeBytes.length < 4) {
                    throw new IOException("damaged PNG chunk header");
                }
                type = new String(typeBytes, StandardCharsets.ISO_8859_1);
                boolean critical = Character.isUpperCase(type.charAt(0));
                boolean keep = critical || PNG_KEPT.contains(type);
                CRC32 crc = new CRC32();
                crc.update(typeBytes);
                if (keep) {
                    out.writeInt(length);
                    out.write(typeBytes);
                }
                for (int left = length; left > 0; ) {
                    int read = in.read(buffer, 0, Math.min(buffer.length, left));
                    if (read < 0) {
                        throw new EOFException("PNG ends inside chunk " + type);
                    }
                    crc.update(buffer, 0, read);
                    if (keep) {
                        out.write(buffer, 0, read);
                    }
                    left -= read;
                }
                int stored = in.readInt();
                if (stored != (int) crc.getValue()) {
                    throw new IOException("PNG chunk " + type + " is damaged (CRC mismatch)");
                }
                if (keep) {
                    out.writeInt(stored);
                }
            }
        }
    }
}
