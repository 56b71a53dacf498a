package app.laurel.submission;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a contest's entry files as a ZIP straight into the given stream, one file after another as the rows come,
 * foldered {@code <unit>/<receipt no>/<file name>}; nothing is gathered first, so memory stays flat whatever the
 * contest's size (the units' folder names and the current entry's file names, its rows arriving together). Media that is
 * compressed already (video, pictures, Office files, which are ZIPs) is deflated at level 0: the same bytes in
 * stored blocks, no CPU spent for nothing. STORED would need each file's CRC before its bytes, so every file read
 * twice. The stream given is flushed, not closed; ZIP64 comes by itself past 4 GB or 65,535 files.
 */
public final class EntryFilesZip {

    /** One file of one entry, with the folder it belongs in; rows of one entry must come one after another. */
    public record Row(long entryId, String receiptNo, String folderKey, String folderName, String fileName,
                      String storedName, long sizeBytes, String mediaType, Instant createdAt) {
    }

    /** Told the files and bytes written so far, now and then while a big file is copied and after each file. */
    public interface Progress {
        void written(int files, long bytes);
    }

    private static final int CHUNK = 64 * 1024;
    private static final long REPORT_EVERY = 1024 * 1024;

    private final ZipOutputStream zip;
    private final Function<String, Path> storage;
    private final Progress progress;
    private final ZipPaths units = new ZipPaths();
    private final Map<String, String> unitFolders = new HashMap<>();
    private long currentEntry = -1;
    private String receiptFolder;
    private ZipPaths entryFiles;
    private int files;
    private long bytes;

    /** {@code storage} finds a stored file's bytes by its stored name. */
    public EntryFilesZip(OutputStream out, Function<String, Path> storage, Progress progress) {
        this.zip = new ZipOutputStream(new BufferedOutputStream(out, CHUNK)); // names in UTF-8, flagged so
        this.storage = storage;
        this.progress = progress;
    }

    public void add(Row row) throws IOException {
        String folder = unitFolders.computeIfAbsent(row.folderKey(), key -> units.unique(row.folderName()));
        if (row.entryId() != currentEntry) {
            currentEntry = row.entryId();
            // Receipt numbers are unique in the database and all start with the contest's code: made safe they stay so.
            receiptFolder = ZipPaths.segment(row.receiptNo());
            entryFiles = new ZipPaths();
        }
        ZipEntry entry = new ZipEntry(folder + "/" + receiptFolder + "/" + entryFiles.unique(row.fileName()));
        entry.setTime(row.createdAt().toEpochMilli());
        zip.setLevel(alreadyCompressed(row.mediaType()) ? Deflater.NO_COMPRESSION : Deflater.BEST_SPEED);
        zip.putNextEntry(entry);
        long reported = bytes;
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(storage.apply(row.storedName()))) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                zip.write(buffer, 0, n);
                bytes += n;
                if (bytes - reported >= REPORT_EVERY) {
                    progress.written(files, bytes);
                    reported = bytes;
                }
            }
        }
        zip.closeEntry();
        progress.written(++files, bytes);
    }

    /** Writes the central directory; a ZIP of no file is still a valid, empty ZIP. */
    public void finish() throws IOException {
        zip.finish();
        zip.flush();
    }

    static boolean alreadyCompressed(String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("video/") || type.startsWith("image/") || type.startsWith("audio/")
                || type.contains("openxmlformats") || type.contains("zip");
    }
}
