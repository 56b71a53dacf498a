package app.laurel.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The judges' copy of an MP4 or QuickTime video: the same bytes, except that every box that carries tags
 * (title, artist, comment, the camera's owner and GPS position: {@code udta}, {@code meta}, and the XMP
 * {@code uuid} box) is overwritten by a {@code free} box of the same size, which players skip.
 * <p>
 * Same size, because the sample tables point at absolute file offsets: removing bytes in front of the media data
 * would mean rewriting every chunk offset. Only box headers are read (a few bytes each, by position), and the
 * media itself is copied channel to channel, so a 2 GB video never comes into memory. A box that runs past its
 * container, or a file without a {@code moov}, is a damaged or truncated upload that no player could open.
 * <p>
 * Not done with a library: org.mp4parser's isoparser 1.9 copies the whole {@code mdat} into a temporary file while
 * parsing (and registers it for deletion only at JVM exit), which a server cannot afford for 2 GB files.
 */
final class VideoStripper {

    static final Set<String> MEDIA_TYPES = Set.of("video/mp4", "video/quicktime", "video/x-m4v");

    /** Boxes whose children may hold tags; the media's own boxes are never descended into. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "moof", "traf");
    /** User data and metadata boxes: every tag a camera, phone or editor writes lives in one of them. */
    private static final Set<String> TAGS = Set.of("udta", "meta");
    /** The uuid under which Adobe tools embed XMP in a video (title, creator, rights). */
    private static final byte[] XMP_UUID = HexFormat.of().parseHex("be7acfcb97a942e89c71999491e3afac");
    private static final byte[] FREE = "free".getBytes(StandardCharsets.US_ASCII);

    /** A box to blank out: where it starts, how long its header is (8, or 16 with a 64-bit size), its whole size. */
    record Box(long offset, int headerLength, long size) {
    }

    private VideoStripper() {
    }

    static boolean applies(String mediaType) {
        return MEDIA_TYPES.contains(mediaType);
    }

    /** The tag boxes of the file, in file order; an IOException if its box structure is damaged. */
    static List<Box> tagBoxes(Path source) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            return tagBoxes(in);
        }
    }

    /** Writes {@code target} (which must exist, and is overwritten) as {@code source} with its tag boxes blanked. */
    static void strip(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long at = 0;
            for (Box box : tagBoxes(in)) {
                copy(in, at, box.offset() - at, out);
                writeFree(out, box);
                at = box.offset() + box.size();
            }
            copy(in, at, in.size() - at, out);
        }
    }

    private static List<Box> tagBoxes(FileChannel in) throws IOException {
        List<Box> found = new ArrayList<>();
        if (!walk(in, 0, in.size(), found)) {
            throw new IOException("no moov box: not a playable MP4/QuickTime file");
        }
        return found;
    }

    /** Collects the tag boxes between {@code start} and {@code end}; true if a {@code moov} was among the boxes. */
    private static boolean walk(FileChannel in, long start, long end, List<Box> found) throws IOException {
        boolean movie = false;
        long at = start;
        while (at < end) {
            if (end - at < 8) {
                // QuickTime allows a 32-bit zero terminator at the end of a container; anything else is damage.
                if (end - at == 4 && read(in, at, 4).getInt() == 0) {
                    return movie;
                }
                throw new IOException("damaged box structure at byte " + at);
            }
            ByteBuffer header = read(in, at, 8);
            long size = Integer.toUnsignedLong(header.getInt());
            String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
            int headerLength = 8;
            if (size == 1) {
                size = read(in, at + 8, 8).getLong();
                headerLength = 16;
            } else if (size == 0) {
                size = end - at;
            }
            if (size < headerLength || size > end - at) {
                throw new IOException("box '" + type + "' at byte " + at + " runs past its container: truncated or damaged");
            }
            movie |= "moov".equals(type);
            if (TAGS.contains(type) || "uuid".equals(type) && isXmp(in, at + headerLength, size - headerLength)) {
                found.add(new Box(at, headerLength, size));
            } else if (CONTAINERS.contains(type)) {
                walk(in, at + headerLength, at + size, found);
            }
            at += size;
        }
        return movie;
    }

    private static boolean isXmp(FileChannel in, long at, long length) throws IOException {
        return length >= XMP_UUID.length && java.util.Arrays.equals(read(in, at, XMP_UUID.length).array(), XMP_UUID);
    }

    private static ByteBuffer read(FileChannel in, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("file ends inside a box header at byte " + at);
            }
        }
        return buffer.flip();
    }

    private static void copy(FileChannel in, long from, long length, FileChannel out) throws IOException {
        long done = 0;
        while (done < length) {
            long moved = in.transferTo(from + done, length - done, out);
            if (moved <= 0) {
                throw new IOException("source ended early at byte " + (from + done));
            }
            done += moved;
        }
    }

    /** A free box of exactly the blanked box's size, with the same header shape, filled with zeros. */
    private static void writeFree(FileChannel out, Box box) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(box.headerLength());
        header.putInt(box.headerLength() == 16 ? 1 : (int) box.size()).put(FREE);
        if (box.headerLength() == 16) {
            header.putLong(box.size());
        }
        writeFully(out, header.flip());
        ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
        long left = box.size() - box.headerLength();
        while (left > 0) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), left));
            left -= zeros.remaining();
            writeFully(out, zeros);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
