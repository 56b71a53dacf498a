package app.laurel.publication;

import app.laurel.identity.Roles;
import app.laurel.platform.error.LaurelException;
import app.laurel.platform.pdf.CertificateFont;
import app.laurel.storage.FileStore;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * All of a contest's valid certificates as one ZIP, assembled in the background so the organiser's page can show
 * a progress bar ({@link BatchProgress}) and offer the download when it is ready. The ZIP is streamed to a
 * temporary file ({@link CertificateZip}: certificates read a page at a time, rendered on the server's managed
 * executor) and moved into place only when complete.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class CertificateBatches {

    private static final Logger LOG = Logger.getLogger(CertificateBatches.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PAGE = 500;

    @Inject
    private CertificateService certificates;

    @Inject
    private BatchProgress progress;

    @Inject
    private FileStore store;

    /**
     * Threads for rendering, made by the container. Not the default managed executor: Payara's has no core threads
     * and an unbounded queue, so it runs such a burst on one thread; each batch makes its own small fixed pool.
     */
    @Resource
    private ManagedThreadFactory threads;

    /** Starts a batch and returns its job id at once. */
    public String start(String contestCode, String baseUrl) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String jobId = HexFormat.of().formatHex(bytes);
        progress.begin(jobId, certificates.validCount(contestCode));
        return jobId;
    }

    /** How far a batch has got; an unknown job (or one from before a restart) is not found. */
    public BatchProgress.State progress(String jobId) {
        BatchProgress.State state = progress.state(jobId);
        if (state == null) {
            throw LaurelException.notFound("certificate.batch.notFound");
        }
        return state;
    }

    /** The finished ZIP; asked for too early, the answer says to wait rather than giving a partial file. */
    public Path zip(String jobId) {
        if (!progress(jobId).ready()) {
            throw LaurelException.conflict("certificate.batch.notReady");
        }
        try {
            Path zip = store.batch(jobId);
            if (!Files.isRegularFile(zip)) {
                throw LaurelException.notFound("certificate.batch.notFound");
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Packs the ZIP. No transaction of its own: each page of certificates is read in a short transaction of the
     * service, so a 10,000-certificate batch neither holds one open for minutes nor keeps every row it read.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(String jobId, String contestCode, String baseUrl) {
        try {
            Path zip = store.batch(jobId);
            Path part = zip.resolveSibling(jobId + ".part");
            int parallel = CertificateFont.mostAtOnce();
            ExecutorService renderers = Executors.newFixedThreadPool(parallel, threads);
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                CertificateZip.write(after -> certificates.batchPage(contestCode, after, PAGE, baseUrl), renderers,
                        parallel, file, done -> progress.advance(jobId, done));
            } finally {
                renderers.shutdownNow();
            }
            Files.move(part, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            progress.finish(jobId);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Certificate batch " + jobId + " failed", e);
            progress.fail(jobId);
        }
    }
}
