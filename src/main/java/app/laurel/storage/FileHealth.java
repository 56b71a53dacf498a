package app.laurel.storage;

import app.laurel.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the stored files judges cannot read. Uploads are checked before they are stored ({@link UploadService});
 * files stored before that check existed are checked when an organiser opens their entry, or found damaged when
 * a judge's copy cannot be made, and from then on carry the warning for the organiser.
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
                StoredFile managed = em.find(StoredFile.class, file.getId());
                managed.recordCheck(readable(managed));
            }
        }
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
