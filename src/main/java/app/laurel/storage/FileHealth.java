package app.laurel.storage;

import app.laurel.identity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the stored files judges cannot read. Uploads are checked before they are stored ({@link UploadService});
 * files stored before that check existed are checked in the background ({@link FileCheckSweep}), when an
 * organiser opens their entry, or found damaged when a judge's copy cannot be made, and from then on carry the
 * warning for the organiser.
 */
@Stateless
@RolesAllowed({Roles.JUDGE, Roles.ORGANISER, Roles.ADMIN})
public class FileHealth {

    private static final Logger LOG = Logger.getLogger(FileHealth.class.getName());

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private FileStore store;

    /** Checks those of the files that were never checked; each check makes (and deletes) a judges' copy. */
    public void checkUnchecked(Collection<StoredFile> files) {
        for (StoredFile file : files) {
            if (!file.isChecked()) {
                check(file.getId());
            }
        }
    }

    /** Files never checked (stored before uploads were checked), oldest first. */
    @PermitAll
    public List<Long> unchecked(int limit) {
        return em.createQuery("select f.id from StoredFile f where f.readability is null order by f.id", Long.class)
                .setMaxResults(limit).getResultList();
    }

    /** Checks one file and records the result ({@link FileCheckSweep}); true if it is readable. */
    @PermitAll
    public boolean check(long fileId) {
        StoredFile file = em.find(StoredFile.class, fileId);
        if (file == null) {
            return true;
        }
        file.recordCheck(readable(file));
        return !file.isDamaged();
    }

    /** Records that no judges' copy could be made; in its own transaction, since the judge's request fails. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markDamaged(long fileId) {
        StoredFile file = em.find(StoredFile.class, fileId);
        if (file != null) {
            file.recordCheck(false);
        }
    }

    private boolean readable(StoredFile file) {
        try {
            MetadataStripper.check(store.resolve(file.getStoredName()), file.getMediaType());
            return true;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Stored file " + file.getId() + " is damaged: no judges' copy can be made", e);
            return false;
        }
    }
}
