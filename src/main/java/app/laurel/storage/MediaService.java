package app.laurel.storage;

import app.laurel.identity.Roles;
import app.laurel.platform.error.LaurelException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who may read a stored file: its uploader, the administrators of the unit whose entry holds it, the judges
 * scoring that entry, and organisers.
 * Anyone else gets "not found". Pages (session) and the API (token) both come through here.
 */
@Stateless
@RolesAllowed({Roles.PUBLIC, Roles.UNIT_ADMIN, Roles.JUDGE, Roles.ORGANISER, Roles.ADMIN})
public class MediaService {

    /** A readable file and where its bytes are. */
    public record Media(StoredFile file, Path path) {
    }

    @PersistenceContext(unitName = "laurel")
    private EntityManager em;

    @Inject
    private FileStore store;

    @Resource
    private SessionContext session;

    public Media open(long fileId) {
        StoredFile file = em.find(StoredFile.class, fileId);
        if (file == null || !mayRead(file)) {
            throw LaurelException.notFound("file.notFound");
        }
        Path path = store.resolve(file.getStoredName());
        if (!Files.isRegularFile(path)) {
            throw LaurelException.notFound("file.notFound");
        }
        return new Media(file, path);
    }

    private boolean mayRead(StoredFile file) {
        String caller = session.getCallerPrincipal().getName();
        if (session.isCallerInRole(Roles.ORGANISER) || session.isCallerInRole(Roles.ADMIN)
                || file.getOwner().getUsername().equals(caller)) {
            return true;
        }
        if (session.isCallerInRole(Roles.JUDGE)) {
            // A judge reads the files of entries on their own scorecards only (conflicted judges have none).
            Long count = em.createQuery("""
                    select count(s) from Scorecard s, EntryFile ef where ef.file = :file and ef.entry = s.roundEntry.entry
                    and s.judge.username = :caller""", Long.class)
                    .setParameter("file", file).setParameter("caller", caller).getSingleResult();
            if (count > 0) {
                return true;
            }
        }
        if (session.isCallerInRole(Roles.UNIT_ADMIN)) {
            Long count = em.createQuery("""
                    select count(ef) from EntryFile ef, Account a where ef.file = :file and a.username = :caller
                    and a.unit is not null and (ef.entry.unit = a.unit or ef.entry.township = a.unit)""", Long.class)
                    .setParameter("file", file).setParameter("caller", caller).getSingleResult();
            return count > 0;
        }
        return false;
    }
}
