package app.laurel.publication;

import app.laurel.identity.Roles;
import app.laurel.platform.error.LaurelException;
import app.laurel.storage.FileStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * All of a contest's valid certificates as one ZIP, assembled in the background so the organiser's page can show
 * a progress bar ({@link BatchProgress}) and offer the download when it is ready. The ZIP is written to a
 * temporary name and moved into place only when complete.
 */
@Stateless
@RolesAllowed({Roles.ORGANISER, Roles.ADMIN})
public class CertificateBatches {

    private static final Logger LOG = Logger.getLogger(CertificateBatches.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private CertificateService certificates;

    @Inject
    private BatchProgress progress;

    @Inject
    private FileStore store;

    /** Starts a batch and returns its job id at once. */
    public String start(String contestCode, String baseUrl) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String jobId = HexFormat.of().formatHex(bytes);
        List<Certificate> valid = certificates.certificates(contestCode).stream().filter(Certificate::isValid).toList();
        progress.begin(jobId, valid.size());
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

    @Asynchronous
    public void run(String jobId, String contestCode, String baseUrl) {
        try {
            Path zip = store.batch(jobId);
            Path part = zip.resolveSibling(jobId + ".part");
            List<Certificate> valid = certificates.certificates(contestCode).stream().filter(Certificate::isValid).toList();
            try (OutputStream file = Files.newOutputStream(part); ZipOutputStream out = new ZipOutputStream(file)) {
                int done = 0;
                for (Certificate c : valid) {
                    // The holder's name is the organiser's data: nothing in it may become a path when unzipped.
                    out.putNextEntry(new ZipEntry(c.getSerial() + "-" + c.getHolder().replaceAll("[\\\\/:*?\"<>|.\\s]", "_") + ".pdf"));
                    out.write(certificates.pdf(c.getSerial(), baseUrl));
                    out.closeEntry();
                    progress.advance(jobId, ++done);
                }
            }
            Files.move(part, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            progress.finish(jobId);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Certificate batch " + jobId + " failed", e);
            progress.fail(jobId);
        }
    }
}
