package app.laurel.publication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import java.util.function.LongFunction;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a batch of certificates as one ZIP, one PDF per certificate, in the order they come. The certificates are
 * read a page at a time (a 10,000-certificate contest is never in memory at once), rendered on up to
 * {@code parallel} threads of the given executor, and written to the stream as soon as each is its turn, so at
 * most a few PDFs wait in memory and the ZIP itself is never held whole.
 * <p>
 * Pure: the caller brings the pages (from the database, or made up for a benchmark), the executor and the stream.
 */
public final class CertificateZip {

    /** One certificate to put in the ZIP: its id (where the next page starts), its file name and what it says. */
    public record Item(long id, String fileName, CertificateContent content) {
        public Item {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(content, "content");
        }
    }

    private CertificateZip() {
    }

    /**
     * Writes every certificate {@code pages} hands out to {@code out} (left open) as a ZIP, and tells
     * {@code progress} how many are written after each.
     *
     * @param pages    given the id after which to continue ({@code 0} first), the next page; empty when done
     * @param parallel how many PDFs may be rendered at once (at least 1)
     * @return how many certificates were written
     */
    public static int write(LongFunction<List<Item>> pages, Executor executor, int parallel, OutputStream out,
                            IntConsumer progress) throws IOException {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        // A PDF's streams are compressed already: deflating them again gains little, so the fastest level.
        zip.setLevel(Deflater.BEST_SPEED);
        // Two renders waiting per thread keep every thread busy while this one writes.
        Deque<Pending> window = new ArrayDeque<>();
        int written = 0;
        long after = 0;
        for (List<Item> page = pages.apply(after); !page.isEmpty(); page = pages.apply(after)) {
            for (Item item : page) {
                if (window.size() >= 2 * parallel) {
                    written = writeNext(zip, window, written, progress);
                }
                window.add(new Pending(item.fileName(), CompletableFuture.supplyAsync(() -> render(item.content()), executor)));
                after = item.id();
            }
        }
        while (!window.isEmpty()) {
            written = writeNext(zip, window, written, progress);
        }
        zip.finish();
        return written;
    }

    /** A file name nothing in the holder's name can turn into a path when unzipped. */
    public static String fileName(String serial, String holder) {
        return serial + "-" + holder.replaceAll("[\\\\/:*?\"<>|.\\s]", "_") + ".pdf";
    }

    private record Pending(String fileName, CompletableFuture<byte[]> pdf) {
    }

    private static int writeNext(ZipOutputStream zip, Deque<Pending> window, int written, IntConsumer progress)
            throws IOException {
        Pending next = window.poll();
        byte[] pdf;
        try {
            pdf = next.pdf().join();
        } catch (CompletionException e) {
            // The renders still under way finish on their own; none of them is written.
            window.forEach(p -> p.pdf().cancel(false));
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        zip.putNextEntry(new ZipEntry(next.fileName()));
        zip.write(pdf);
        zip.closeEntry();
        progress.accept(written + 1);
        return written + 1;
    }

    private static byte[] render(CertificateContent content) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
        try {
            CertificateRenderer.render(content, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}
