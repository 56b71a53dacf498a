package app.laurel.storage;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Dimension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;

/**
 * A photo's width and height as its header declares them, read without decoding a single pixel: a 100000 × 100000
 * PNG of a few kilobytes is refused before anything (a reader, a thumbnail, a browser) tries to unpack 40 GB.
 */
final class ImageSize {

    private ImageSize() {
    }

    /** Refused when the declared size exceeds {@code maxPixels}; an IOException when no header can be read. */
    static Dimension check(Path file, String mediaType, long maxPixels) throws IOException, FileRefusal {
        Dimension size = "image/webp".equals(mediaType) ? webp(file) : header(file);
        if ((long) size.width * size.height > maxPixels || size.width <= 0 || size.height <= 0) {
            throw new FileRefusal("upload.imageTooLarge", size.width, size.height, maxPixels / 1_000_000);
        }
        return size;
    }

    /** By ImageIO, which reads only the header for getWidth/getHeight. */
    static Dimension header(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return new Dimension(reader.getWidth(0), reader.getHeight(0));
                } finally {
                    reader.dispose();
                }
            }
        }
        throw new IOException("no image header could be read");
    }

    /** WebP has no ImageIO reader in the JDK: its three chunk kinds (VP8X, VP8L, VP8) declare the size at fixed places. */
    private static Dimension webp(Path file) throws IOException {
        byte[] h;
        try (InputStream in = Files.newInputStream(file)) {
            h = in.readNBytes(30);
        }
        if (h.length < 30) {
            throw new IOException("WebP header cut short");
        }
        String chunk = new String(h, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> new Dimension(1 + u24(h, 24), 1 + u24(h, 27));
            case "VP8L" -> {
                int bits = (h[21] & 0xff) | (h[22] & 0xff) << 8 | (h[23] & 0xff) << 16 | (h[24] & 0xff) << 24;
                yield new Dimension(1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff));
            }
            case "VP8 " -> new Dimension(u16(h, 26) & 0x3fff, u16(h, 28) & 0x3fff);
            default -> throw new IOException("not a WebP header: " + chunk);
        };
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int u24(byte[] b, int at) {
        return u16(b, at) | (b[at + 2] & 0xff) << 16;
    }
}
