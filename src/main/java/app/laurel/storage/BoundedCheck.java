package app.laurel.storage;

import app.laurel.platform.error.LaurelException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the reading of an uploaded file (Tika, PDFBox, POI) on a thread of its own, with a stack of known size and a
 * time limit, so that hostile content ends as a refusal and never as a 500: a deeply nested PDF overflows the
 * worker's stack, not the request's; a file that makes a parser run away is refused when the time is up. Whatever
 * the worker throws, {@code StackOverflowError} and {@code OutOfMemoryError} included, becomes a {@link FileRefusal}.
 * <p>
 * A parser that ignores interruption keeps its thread after the refusal; at most {@value #WORKERS} workers exist at
 * once, so runaway parsers cannot take every core, and memory is shared by at most that many parses.
 */
final class BoundedCheck {

    /** Deep enough for any real document; what needs more is refused as too complex. */
    static final long STACK_BYTES = 4L * 1024 * 1024;
    static final int WORKERS = 8;

    private static final Semaphore SLOTS = new Semaphore(WORKERS);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final Logger LOG = Logger.getLogger(BoundedCheck.class.getName());

    interface Check<T> {
        T run() throws IOException, FileRefusal;
    }

    private BoundedCheck() {
    }

    /**
     * The check's result; a {@link FileRefusal} for what it refused, for a file it could not read
     * ({@code upload.damaged}), and for one it could not finish within {@code limit} or its stack
     * ({@code upload.tooComplex}). A 429 when every worker is still busy after {@code limit}.
     */
    static <T> T run(String what, Duration limit, Check<T> check) throws FileRefusal {
        boolean slot;
        try {
            slot = SLOTS.tryAcquire(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FileRefusal("upload.tooComplex");
        }
        if (!slot) {
            throw LaurelException.tooMany("upload.busy", 60);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.complete(check.run());
            } catch (Throwable t) { // NOSONAR: every failure of hostile content must end as a refusal
                result.completeExceptionally(t);
            } finally {
                SLOTS.release();
            }
        }, "file-check-" + COUNT.incrementAndGet(), STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            LOG.warning(() -> "Checking " + what + " took longer than " + limit + ": refused");
            throw new FileRefusal("upload.tooComplex");
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new FileRefusal("upload.tooComplex");
        } catch (ExecutionException e) {
            throw refusal(what, e.getCause());
        }
    }

    private static FileRefusal refusal(String what, Throwable cause) {
        if (cause instanceof FileRefusal refusal) {
            return refusal;
        }
        if (cause instanceof StackOverflowError || cause instanceof OutOfMemoryError) {
            LOG.warning(() -> "Checking " + what + " exceeded its bounds (" + cause + "): refused");
            return new FileRefusal("upload.tooComplex");
        }
        LOG.log(Level.INFO, "Refused a damaged " + what, cause);
        return new FileRefusal("upload.damaged");
    }
}
