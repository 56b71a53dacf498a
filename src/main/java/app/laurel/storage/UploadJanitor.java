package app.laurel.storage;

import app.laurel.platform.audit.AuditTrail;
import app.laurel.platform.cluster.Cluster;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.config.LaurelConfig.Key;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Clears what uploads leave behind: unfinished uploads nobody has touched for {@code laurel.uploads.keep-unfinished}
 * (a resumable upload must survive a night without network, so a week by default), and stored files that nothing
 * uses {@code laurel.uploads.keep-unattached} after they were stored (a form is saved within hours of its upload;
 * two days by default). Runs shortly after start and then every {@code laurel.uploads.sweep-every}.
 * <p>
 * "Nothing uses" is asked of the database, not of a list kept here: every table with a foreign key to
 * {@code stored_file} (entry files, objection and campaign evidence, campaign documents, certificate seals, and
 * whatever a later migration adds) must have no row naming the file. The row is deleted with the same condition in
 * its own transaction, so a file attached meanwhile is kept (the foreign key refuses the delete), and the bytes go
 * only after that delete has committed.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class UploadJanitor {

    private static final Duration FIRST_SWEEP = Duration.ofSeconds(20);
    private static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(UploadJanitor.class.getName());

    @Inject
    private FileStore store;

    @Inject
    private LaurelConfig config;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private Cluster cluster;

    @Resource
    private TimerService timers;

    @Resource
    private UserTransaction transaction;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(FIRST_SWEEP.toMillis(), config.duration(Key.UPLOADS_SWEEP_EVERY).toMillis(),
                new TimerConfig(null, false));
    }

    @Timeout
    void sweep() {
        // One node clears the shared storage and the rows; two would race to delete the same files.
        if (!cluster.leads()) {
            return;
        }
        try {
            int parts = purge(store.uploads(), clock.instant().minus(config.duration(Key.UPLOADS_KEEP_UNFINISHED)));
            if (parts > 0) {
                LOG.info(() -> "Removed " + parts + " files of abandoned uploads");
            }
        } catch (IOException e) {
            LOG.warning(() -> "Could not clear abandoned uploads: " + e);
        }
        Duration keep = config.duration(Key.UPLOADS_KEEP_UNATTACHED);
        int files = removeUnattached(clock.instant().minus(keep), keep);
        if (files > 0) {
            LOG.info(() -> "Removed " + files + " stored files attached to nothing for " + keep);
        }
    }

    /**
     * Deletes the {@code .part} and {@code .meta} files in {@code uploads} of uploads last touched before
     * {@code cutoff}: the later of the two files decides, so a long upload whose meta was written at its start
     * keeps both halves while bytes arrive.
     */
    static int purge(Path uploads, Instant cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(uploads, "*.{part,meta}")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.lastIndexOf('.'));
                Instant touched = OpenUploads.latest(uploads.resolve(id + ".meta"), uploads.resolve(id + ".part"));
                if (touched.isBefore(cutoff) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private int removeUnattached(Instant cutoff, Duration keep) {
        int removed = 0;
        try {
            List<Object[]> references = references();
            @SuppressWarnings("unchecked")
            List<Object[]> candidates = em.createNativeQuery("select f.id, f.stored_name from stored_file f where f.created_at < ?1 and "
                    + unused(references, "f.id") + " order by f.id").setParameter(1, LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC)).setMaxResults(BATCH).getResultList();
            for (Object[] candidate : candidates) {
                long id = ((Number) candidate[0]).longValue();
                if (removeRow(id, unused(references, "stored_file.id"), keep)) {
                    store.deleteWithCopies((String) candidate[1]);
                    removed++;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not clear stored files attached to nothing", e);
        }
        return removed;
    }

    /** Deletes the row if still unused, in its own transaction; true when that committed. */
    private boolean removeRow(long id, String unused, Duration keep) {
        try {
            transaction.begin();
            int deleted = em.createNativeQuery("delete from stored_file where id = ?1 and " + unused)
                    .setParameter(1, id).executeUpdate();
            if (deleted == 1) {
                audit.record("system", "FILE_SWEPT", "file:" + id, "attached to nothing " + keep.toHours() + " h after upload");
            }
            transaction.commit();
            return deleted == 1;
        } catch (Exception e) {
            // Attached meanwhile (the foreign key refused the delete) or the database is away: kept for now.
            LOG.log(Level.FINE, "Kept stored file " + id, e);
            rollBack();
            return false;
        }
    }

    /**
     * The columns that refer to a stored file, from the schema's foreign keys, so that a table added later protects
     * its files without a change here.
     */
    private List<Object[]> references() {
        @SuppressWarnings("unchecked")
        List<Object[]> references = em.createNativeQuery("select table_name, column_name from information_schema.key_column_usage"
                + " where table_schema = database() and referenced_table_name = 'stored_file'").getResultList();
        if (references.isEmpty()) {
            throw new IllegalStateException("no foreign keys to stored_file found: not sweeping files");
        }
        return references;
    }

    /** SQL that holds when none of the {@code references} names the stored file whose id is {@code fileId}. */
    private static String unused(List<Object[]> references, String fileId) {
        return references.stream()
                .map(reference -> "not exists (select 1 from " + identifier(reference[0]) + " r where r." + identifier(reference[1])
                        + " = " + fileId + ")")
                .collect(Collectors.joining(" and "));
    }

    private static String identifier(Object name) {
        String text = String.valueOf(name);
        if (!text.matches("[A-Za-z0-9_]+")) {
            throw new IllegalStateException("unexpected name in the schema: " + text);
        }
        return text;
    }

    private void rollBack() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not roll back the clearing of a stored file", e);
        }
    }
}
